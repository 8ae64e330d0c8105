using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests.Coordination;

[Collection(ClusterCollection.Name)]
public sealed class DeclaredGpGrainTests(ClusterFixture fixture)
{
    // A year and a territory no other test uses, so that the cohort and the territory hold only this test's patients.
    private const int Year = 2038;
    private const string Territory = "031";

    private static int Day(int month, int day) => new DateOnly(Year, month, day).DayNumber;

    private static CareEvent Visit(int day, short specialty, string professional) =>
        new(day, day, CareEventKind.Consultation, CareEventTraits.None, specialty, PackedCode.Pack("1110"), PackedCode.Pack(professional), 1);

    private static CareEvent[] Patient() =>
    [
        new(Day(1, 1), DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("I500"), 0, 5),
        Visit(Day(2, 1), 1, "GPA"), Visit(Day(3, 1), 1, "GPA"), Visit(Day(4, 1), 1, "GPB"), Visit(Day(5, 1), 3, "CARDIO"),
    ];

    [Fact]
    public async Task Coordinate_MostRecentDeclaration_GivesTheDeclaredUpc_AndNoDeclarationLeavesItUndefined()
    {
        var declared = fixture.Grains.GetGrain<IPatientGrain>(Guid.NewGuid());
        var profile = new PatientProfile(2, 1950, 1, Territory, "555", null);
        await declared.ApplyUnitAsync(new UnitEvents("IR_BEN_R", EventPack.Pack(Patient()), profile));
        await declared.ApplyUnitAsync(new UnitEvents("DCIR:2038-02", EventPack.Pack([]), null, new GpDeclaration(PackedCode.Pack("GPB"), Day(2, 1))));
        await declared.ApplyUnitAsync(new UnitEvents("DCIR:2038-04", EventPack.Pack([]), null, new GpDeclaration(PackedCode.Pack("GPA"), Day(4, 1))));

        // A unit applied later but declaring on an earlier day does not replace the most recent declaration.
        await declared.ApplyUnitAsync(new UnitEvents("DCIR:2038-03", EventPack.Pack([]), null, new GpDeclaration(PackedCode.Pack("GPB"), Day(3, 1))));
        var undeclared = fixture.Grains.GetGrain<IPatientGrain>(Guid.NewGuid());
        await undeclared.ApplyUnitAsync(new UnitEvents("IR_BEN_R", EventPack.Pack(Patient()), profile));
        await undeclared.DeriveAsync([Year]);
        Assert.Equal(PackedCode.Pack("GPA"), (await declared.ExportAsync([Year])).DeclaredGp?.Number);

        var query = new CoordinationQuery("heart_failure", Year, ["I50"], 30, new DateOnly(Year, 12, 31).DayNumber, 7);
        var tally = new CoordinationTally();
        for (var p = 0; p < Partitions.Count; p++)
        {
            foreach (var t in (await fixture.Grains.GetGrain<IPartitionCoordination>(p).CoordinateAsync(query)).Where(t => t.Territory == Territory))
            {
                tally.Merge(CoordinationTally.FromVectors(t.Counts.AsSpan(), t.Sums.AsSpan()));
            }
        }

        // Community physician visits GPA, GPA, GPB, cardiologist: UPC against the declared GPA = 2/4, for the declared patient only.
        Assert.Equal(2, tally[CoordinationCount.Persons]);
        Assert.Equal(1, tally.Defined(CoordinationMeasure.UpcDeclaredGp));
        Assert.Equal(0.5, tally.Mean(CoordinationMeasure.UpcDeclaredGp), 12);
    }
}
