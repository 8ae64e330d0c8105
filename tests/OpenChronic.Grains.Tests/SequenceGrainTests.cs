using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SequenceGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly s_d0 = new(2036, 1, 1);

    private static CareEvent Dispense(int day, string atc) =>
        new(s_d0.DayNumber + day, s_d0.DayNumber + day, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack(atc), 3400930000001, 1);

    private static CareEvent Stay(int from, int to) =>
        new(s_d0.DayNumber + from, s_d0.DayNumber + to, CareEventKind.HospitalStay, CareEventTraits.Hospital, 0, PackedCode.Pack("05K13"), 750000011, 0);

    private static CareEvent Visit(int day, short specialty) =>
        new(s_d0.DayNumber + day, s_d0.DayNumber + day, CareEventKind.Consultation, CareEventTraits.None, specialty, PackedCode.Pack("1110"), PackedCode.Pack("PRO" + specialty), 1);

    [Fact]
    public async Task MeasureSequences_HandPathway_CountsLinesAndWindows_PartitionSumsItsMembers()
    {
        // Metformin days 0 and 30 (one era, days 0-59), a stay days 100-105 followed by a GP on day 110 and a
        // cardiologist on day 130 (25 days after the first discharge, 8 after the second), then a second stay days 120-122
        // (readmitted 15 days after the first discharge; the GP of day 110 is before the second discharge).
        var id = Guid.NewGuid();
        CareEvent[] events = [Dispense(0, "A10BA02"), Dispense(30, "A10BA02"), Stay(100, 105), Visit(110, 1), Stay(120, 122), Visit(130, 4)];
        var patient = fixture.Grains.GetGrain<IPatientGrain>(id);
        await patient.ApplyUnitAsync(new UnitEvents("seq", EventPack.Pack(events), new PatientProfile(2, 1950, 6, "035", "238", null)));
        await patient.DeriveAsync([s_d0.Year]);

        var figures = await fixture.Grains.GetGrain<IPatientSequences>(id).MeasureSequencesAsync();

        Assert.Equal(new SequenceFigures(1, 1, 60, 2, 2, 1, 1, 2, 1), figures);

        // The partition's sums are its members' figures, added (other tests' patients live in the same grid).
        var partition = Partitions.Of(id);
        var members = await fixture.Grains.GetGrain<IPartitionGrain>(partition).GetMembersAsync();
        Assert.Contains(id, members);
        var expected = SequenceFigures.Zero;
        foreach (var member in members)
        {
            expected += await fixture.Grains.GetGrain<IPatientSequences>(member).MeasureSequencesAsync();
        }

        Assert.Equal(expected, await fixture.Grains.GetGrain<IPartitionSequences>(partition).MeasureSequencesAsync());
    }
}
