using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PatientGrainTests(ClusterFixture fixture)
{
    private static byte[] Pack(params int[] days) =>
        EventPack.Pack(days.Select(d => new CareEvent(d, d, CareEventKind.Consultation, CareEventTraits.None, 1, PackedCode.Pack("1111"), 7, 1)).ToArray());

    [Fact]
    public async Task ApplyUnit_SameUnitTwice_IsAppliedOnce()
    {
        var patient = fixture.Grains.GetGrain<IPatientGrain>(Guid.NewGuid());
        Assert.True(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Pack(3, 1, 2), null)));
        Assert.False(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Pack(3, 1, 2), null)));
        Assert.True(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-02", Pack(4), null)));
        var snapshot = await patient.GetSnapshotAsync();
        Assert.Equal(4, snapshot.EventCount);
        Assert.Equal(2, snapshot.UnitsApplied);
        Assert.Equal([1, 2, 3, 4], EventPack.Unpack(await patient.GetTimelineAsync()).Select(e => e.Day));
        Assert.Contains(patient.GetPrimaryKey(), await fixture.Grains.GetGrain<IPartitionGrain>(Partitions.Of(patient.GetPrimaryKey())).GetMembersAsync());
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var id = Guid.NewGuid();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(id);
        var profile = new PatientProfile(2, 1950, 3, "075", "101", null);
        await patient.ApplyUnitAsync(new UnitEvents("IR_BEN_R", Pack(), profile));
        await patient.ApplyUnitAsync(new UnitEvents("PMSI:2020", Pack(10, 20), null));
        await fixture.Cluster.DeactivateAsync(patient);

        var again = fixture.Grains.GetGrain<IPatientGrain>(id);
        var snapshot = await again.GetSnapshotAsync();
        Assert.Equal(profile, snapshot.Profile);
        Assert.Equal(2, snapshot.EventCount);
        Assert.False(await again.ApplyUnitAsync(new UnitEvents("PMSI:2020", Pack(10, 20), null)));
    }
}

[Collection(ClusterCollection.Name)]
public sealed class DeriveTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Derive_FindsConditions_AndPushesTheSummaryToThePartition()
    {
        var id = Guid.NewGuid();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(id);
        var d0 = new DateOnly(2020, 1, 1).DayNumber;
        CareEvent[] events =
        [
            new(d0, DateOnly.MaxValue.DayNumber, CareEventKind.AldRegistration, CareEventTraits.None, 0, PackedCode.Pack("E119"), 0, 8),
            new(d0 + 10, d0 + 10, CareEventKind.Dispensation, CareEventTraits.None, 0, PackedCode.Pack("A10BA02"), 3400930000001, 1),
        ];
        await patient.ApplyUnitAsync(new UnitEvents("IR_IMB_R", EventPack.Pack(events), new PatientProfile(1, 1960, 1, "059", "350", null)));

        var derived = await patient.DeriveAsync([2020]);

        Assert.Equal([new ConditionYearWire("diabetes", 2020, 1)], derived.Conditions);
        Assert.Equal([new AldEpisodeWire(8, "E119", d0, null)], derived.AldEpisodes);
        Assert.Equal("A10BA", Assert.Single(derived.TreatmentLines).Regimen);
        var summaries = await fixture.Grains.GetGrain<IPartitionGrain>(Partitions.Of(id)).GetSummariesAsync();
        var summary = Assert.Single(summaries, s => s.Patient == id);
        Assert.Equal([8], summary.AldNumbers);
        Assert.Equal(2, summary.EventCount);
    }
}
