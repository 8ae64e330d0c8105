using System.Collections.Immutable;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests.Coordination;

[Collection(ClusterCollection.Name)]
public sealed class CoordinationGrainTests(ClusterFixture fixture)
{
    // A year no other test uses, so that the cohort holds only this test's patients.
    private const int Year = 2037;

    private static int Day(int month, int day) => new DateOnly(Year, month, day).DayNumber;

    private static CareEvent Visit(int day, short specialty, string professional) =>
        new(day, day, CareEventKind.Consultation, CareEventTraits.None, specialty, PackedCode.Pack("1110"), PackedCode.Pack(professional), 1);

    private static CareEvent[] HeartFailurePatient(string gp, bool withStay)
    {
        var ald = new CareEvent(Day(1, 1), DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("I500"), 0, 5);
        List<CareEvent> events = [ald, Visit(Day(2, 1), 1, gp), Visit(Day(3, 1), 1, gp), Visit(Day(4, 1), 3, "CARDIO")];
        if (withStay)
        {
            events.Add(new(Day(5, 1), Day(5, 6), CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05M09"), 750000011, 1));
            events.Add(new(Day(5, 1), Day(5, 1), CareEventKind.Diagnosis, CareEventTraits.Hospital | CareEventTraits.Principal, 0, PackedCode.Pack("I500"), 750000011, 0));
            events.Add(Visit(Day(5, 20), 1, gp));
        }

        return [.. events];
    }

    [Fact]
    public async Task Coordinate_MergesCohortMembersPerTerritory_ThenCareDensity()
    {
        var patients = new[] { (Guid.NewGuid(), HeartFailurePatient("GPA", true)), (Guid.NewGuid(), HeartFailurePatient("GPA", false)) };
        foreach (var (id, events) in patients)
        {
            var grain = fixture.Grains.GetGrain<IPatientGrain>(id);
            await grain.ApplyUnitAsync(new UnitEvents("all", EventPack.Pack(events), new PatientProfile(1, 1940, 1, "029", "232", null)));
            await grain.DeriveAsync([Year]);
        }

        var query = new CoordinationQuery("heart_failure", Year, ["I50"], 30, new DateOnly(Year, 12, 31).DayNumber, 42);
        var tally = new CoordinationTally();
        var network = new SharingNetwork();
        var partials = new List<ImmutableArray<TerritoryCoordination>>();
        for (var p = 0; p < Partitions.Count; p++)
        {
            var part = await fixture.Grains.GetGrain<IPartitionCoordination>(p).CoordinateAsync(query);
            partials.Add(part);
            foreach (var t in part.Where(t => t.Territory == "029"))
            {
                tally.Merge(CoordinationTally.FromVectors(t.Counts.AsSpan(), t.Sums.AsSpan()));
                network.Add(t.NodeKeys.AsSpan(), t.NodeKinds.AsSpan(), t.EdgeFrom.AsSpan(), t.EdgeTo.AsSpan(), t.EdgeWeights.AsSpan(), t.NetworkPersons);
            }
        }

        Assert.Equal(2, tally[CoordinationCount.Persons]);
        Assert.Equal(1, tally[CoordinationCount.Stays]);
        Assert.Equal(0, tally[CoordinationCount.GpWithin7]);
        Assert.Equal(1, tally[CoordinationCount.GpWithin30]);

        // Both: GP A twice and the cardiologist once (N = 3, n = (2, 1)): COC = (5 − 3)/6 = 1/3. The stay adds one GP visit to the first.
        Assert.Equal(2, tally.Defined(CoordinationMeasure.Coc));
        Assert.Equal(2, network.Persons);
        Assert.Equal(3, network.Nodes.Count);

        // Pairs GP–cardiologist 2, GP–hospital 1, cardiologist–hospital 1: the first patient's density (2 + 1 + 1)/3, the second's 2.
        var wire = new TerritoryCoordination("029", [], [], [.. network.Nodes.Keys], [.. network.Nodes.Values.Select(k => (byte)k)],
            [.. network.Pairs.Keys.Select(k => k.Item1)], [.. network.Pairs.Keys.Select(k => k.Item2)], [.. network.Pairs.Values], network.Persons);
        var density = new CoordinationTally();
        for (var p = 0; p < Partitions.Count; p++)
        {
            foreach (var t in (await fixture.Grains.GetGrain<IPartitionCoordination>(p).CareDensityAsync(query, [wire])).Where(t => t.Territory == "029"))
            {
                density.Merge(CoordinationTally.FromVectors(t.Counts.AsSpan(), t.Sums.AsSpan()));
            }
        }

        Assert.Equal(2, density.Defined(CoordinationMeasure.CareDensity));
        Assert.Equal(((4 / 3.0) + 2) / 2, density.Mean(CoordinationMeasure.CareDensity), 12);
    }
}
