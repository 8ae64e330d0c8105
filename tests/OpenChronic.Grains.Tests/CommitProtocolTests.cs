using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests;

/// <summary>The patient commit protocol: units applied in memory, written once per commit, idempotent throughout.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CommitProtocolTests(ClusterFixture fixture)
{
    private static byte[] Pack(params int[] days) =>
        EventPack.Pack(days.Select(d => new CareEvent(d, d, CareEventKind.Consultation, CareEventTraits.None, 1, PackedCode.Pack("1111"), 7, 1)).ToArray());

    [Fact]
    public async Task Commit_WritesPendingUnitsOnce_AndUnitsRetriedAfterItAreIgnored()
    {
        var patient = fixture.Grains.GetGrain<IPatientGrain>(Guid.NewGuid());
        Assert.False(await patient.CommitAsync());
        Assert.True(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Pack(1, 2), null)));
        Assert.True(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-02", Pack(3), null)));

        Assert.True(await patient.CommitAsync());
        Assert.False(await patient.CommitAsync());

        // A retried unit, committed or still pending, adds nothing.
        Assert.False(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Pack(1, 2), null)));
        Assert.True(await patient.ApplyUnitAsync(new UnitEvents("PMSI:2020", Pack(4), null)));
        Assert.False(await patient.ApplyUnitAsync(new UnitEvents("PMSI:2020", Pack(4), null)));
        var snapshot = await patient.GetSnapshotAsync();
        Assert.Equal(4, snapshot.EventCount);
        Assert.Equal(3, snapshot.UnitsApplied);
        Assert.True(await patient.CommitAsync());
    }

    [Fact]
    public async Task Deactivation_AfterCommitAndPendingUnits_ReactivatesWithEveryUnitOnce()
    {
        var id = Guid.NewGuid();
        var patient = fixture.Grains.GetGrain<IPatientGrain>(id);
        await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Pack(10), null));
        await patient.CommitAsync();

        // Pending at deactivation: written lazily by the deactivation itself.
        await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-02", Pack(20, 21), null));
        await fixture.Cluster.DeactivateAsync(patient);

        var again = fixture.Grains.GetGrain<IPatientGrain>(id);
        Assert.False(await again.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Pack(10), null)));
        Assert.False(await again.ApplyUnitAsync(new UnitEvents("DCIR:2020-02", Pack(20, 21), null)));
        Assert.False(await again.CommitAsync());
        Assert.Equal([10, 20, 21], EventPack.Unpack(await again.GetTimelineAsync()).Select(e => e.Day));
        Assert.Equal(2, (await again.GetSnapshotAsync()).UnitsApplied);

        // The reactivated patient registered again with its partition (partitions keep members in memory only).
        Assert.Contains(id, await fixture.Grains.GetGrain<IPartitionGrain>(Partitions.Of(id)).GetMembersAsync());
    }

    [Fact]
    public async Task CommitMembers_CommitsEveryPatientOfThePartition()
    {
        var first = Guid.NewGuid();
        var partition = Partitions.Of(first);
        var second = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).First(g => Partitions.Of(g) == partition);
        foreach (var key in (Guid[])[first, second])
        {
            await fixture.Grains.GetGrain<IPatientGrain>(key).ApplyUnitAsync(new UnitEvents("IR_IMB_R", Pack(5), null));
        }

        Assert.True(await fixture.Grains.GetGrain<IPartitionBuild>(partition).CommitMembersAsync() >= 2);
        Assert.False(await fixture.Grains.GetGrain<IPatientGrain>(first).CommitAsync());
        Assert.False(await fixture.Grains.GetGrain<IPatientGrain>(second).CommitAsync());
    }

    [Fact]
    public async Task Export_ReturnsProfileTimelineAndDerivedPathwayInOneCall()
    {
        var patient = fixture.Grains.GetGrain<IPatientGrain>(Guid.NewGuid());
        var profile = new PatientProfile(1, 1960, 1, "059", "350", null);
        await patient.ApplyUnitAsync(new UnitEvents("IR_BEN_R", Pack(30, 31), profile));

        var export = await patient.ExportAsync([2020]);

        Assert.Equal(profile, export.Profile);
        Assert.Equal([30, 31], EventPack.Unpack(export.Pack).Select(e => e.Day));
        Assert.Equal(await patient.DeriveAsync([2020]), export.Derived);
    }
}
