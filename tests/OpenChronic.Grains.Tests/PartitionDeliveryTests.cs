using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains.Tests;

/// <summary>Units delivered through the partitions (one call per partition per unit) and the incremental re-derivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PartitionDeliveryTests(ClusterFixture fixture)
{
    private static readonly int[] s_years = [2020];

    private static byte[] Pack(params int[] days) =>
        EventPack.Pack(days.Select(d => new CareEvent(d, d, CareEventKind.Consultation, CareEventTraits.None, 1, PackedCode.Pack("1111"), 7, 1)).ToArray());

    private static (long Partition, Guid[] Keys) PatientsOfOnePartition(int count)
    {
        var first = Guid.NewGuid();
        var partition = Partitions.Of(first);
        var keys = new List<Guid> { first };
        while (keys.Count < count)
        {
            var key = Guid.NewGuid();
            if (Partitions.Of(key) == partition)
            {
                keys.Add(key);
            }
        }

        return (partition, [.. keys]);
    }

    private async Task<PatientSnapshot> Snapshot(Guid key) => await fixture.Grains.GetGrain<IPatientGrain>(key).GetSnapshotAsync();

    [Fact]
    public async Task ApplyUnit_AppliesEachPayloadToItsPatient_AndADuplicatedUnitAppliesNothing()
    {
        var (p, keys) = PatientsOfOnePartition(3);
        var partition = fixture.Grains.GetGrain<IPartitionBuild>(p);
        var profiles = keys.Select((_, i) => new PatientProfile(1, (short)(1950 + i), 1, "075", "056", null)).ToArray();
        var unit = new PartitionUnit("IR_BEN_R", keys, [Pack(1), Pack(2, 3), Pack()], profiles);

        Assert.Equal(3, await partition.ApplyUnitAsync(unit));
        Assert.Equal(0, await partition.ApplyUnitAsync(unit));

        Assert.Equal([1, 2, 0], (await Task.WhenAll(keys.Select(Snapshot))).Select(s => s.EventCount));
        Assert.Equal(profiles[1], (await Snapshot(keys[1])).Profile);
        Assert.Equal(1, (await Snapshot(keys[2])).UnitsApplied);
        var members = await fixture.Grains.GetGrain<IPartitionGrain>(p).GetMembersAsync();
        Assert.All(keys, k => Assert.Contains(k, members));
    }

    [Fact]
    public async Task ApplyUnit_CarriesEachPatientsDeclaredGp_AndPatientsWithoutOneKeepNone()
    {
        var (p, keys) = PatientsOfOnePartition(2);
        var partition = fixture.Grains.GetGrain<IPartitionBuild>(p);
        var declared = new GpDeclaration(PackedCode.Pack("GP000042"), 20);
        await partition.ApplyUnitAsync(new PartitionUnit("DCIR:2020-01", keys, [Pack(20), Pack(21)], null, [declared, null]));

        Assert.Equal(declared.Number, (await fixture.Grains.GetGrain<IPatientGrain>(keys[0]).ExportAsync(s_years)).DeclaredGp?.Number);
        Assert.Null((await fixture.Grains.GetGrain<IPatientGrain>(keys[1]).ExportAsync(s_years)).DeclaredGp);
        await Assert.ThrowsAsync<ArgumentException>(() => partition.ApplyUnitAsync(
            new PartitionUnit("DCIR:2020-02", keys, [Pack(22), Pack(23)], null, [declared])).AsTask());
    }

    [Fact]
    public async Task ApplyUnit_PatientOfAnotherPartitionOrMismatchedPayloads_IsRefused()
    {
        var (p, keys) = PatientsOfOnePartition(2);
        var partition = fixture.Grains.GetGrain<IPartitionBuild>(p);
        var stranger = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).First(g => Partitions.Of(g) != p);

        await Assert.ThrowsAsync<ArgumentException>(() => partition.ApplyUnitAsync(new PartitionUnit("DCIR:2020-01", [stranger], [Pack(1)], null)).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => partition.ApplyUnitAsync(new PartitionUnit("DCIR:2020-01", keys, [Pack(1)], null)).AsTask());
        Assert.Equal(0, (await Snapshot(keys[0])).UnitsApplied);
    }

    [Fact]
    public async Task SettleTouched_CommitsAndReDerivesOnlyPatientsOfTheNewUnit_AndSummariesEqualAFullDerivation()
    {
        var (p, keys) = PatientsOfOnePartition(4);
        var partition = fixture.Grains.GetGrain<IPartitionBuild>(p);
        await partition.ApplyUnitAsync(new PartitionUnit("DCIR:2020-01", keys, [.. keys.Select((_, i) => Pack(10 + i))], null));

        // The first settlement covers the four patients of the unit (the partition may hold other tests' patients).
        var first = await partition.SettleTouchedAsync(s_years);
        Assert.True(first.Derived >= 4 && first.Written >= 4, first.ToString());
        Assert.Equal(new PartitionSettlement(0, 0), await partition.SettleTouchedAsync(s_years));
        var derivedBefore = (await Task.WhenAll(keys.Select(Snapshot))).Select(s => s.Derivations).ToArray();

        // A new flux month for two of the four.
        await partition.ApplyUnitAsync(new PartitionUnit("DCIR:2020-02", keys[..2], [Pack(40, 41), Pack(42)], null));
        Assert.Equal(new PartitionSettlement(2, 2), await partition.SettleTouchedAsync(s_years));
        foreach (var key in keys)
        {
            Assert.False(await fixture.Grains.GetGrain<IPatientGrain>(key).CommitAsync());
        }

        var derivedAfter = (await Task.WhenAll(keys.Select(Snapshot))).Select(s => s.Derivations).ToArray();
        Assert.Equal([derivedBefore[0] + 1, derivedBefore[1] + 1, derivedBefore[2], derivedBefore[3]], derivedAfter);

        // The partition's summaries equal what deriving every patient from scratch gives.
        var stored = (await fixture.Grains.GetGrain<IPartitionGrain>(p).GetSummariesAsync()).ToDictionary(s => s.Patient);
        foreach (var key in keys)
        {
            var full = await fixture.Grains.GetGrain<IPatientGrain>(key).SummarizeAsync(s_years);
            var kept = stored[key];
            Assert.Equal(full.EventCount, kept.EventCount);
            Assert.Equal(full.Conditions, kept.Conditions);
            Assert.Equal(full.AldNumbers, kept.AldNumbers);
            Assert.Equal(full.Profile, kept.Profile);
        }

        Assert.Equal(3, stored[keys[0]].EventCount);
        Assert.Equal(1, stored[keys[2]].EventCount);
    }

    [Fact]
    public async Task CommitMembers_AfterAFirstCommit_StillCommitsThePatientsOfLaterDeliveries()
    {
        var (p, keys) = PatientsOfOnePartition(3);
        var partition = fixture.Grains.GetGrain<IPartitionBuild>(p);
        await partition.ApplyUnitAsync(new PartitionUnit("DCIR:2021-01", keys, [Pack(1), Pack(2), Pack(3)], null));
        Assert.True(await partition.CommitMembersAsync() >= 3);

        // Later commits ask only the members that applied something since (and those that apply units directly).
        await partition.ApplyUnitAsync(new PartitionUnit("DCIR:2021-02", keys[..2], [Pack(4), Pack(5)], null));
        Assert.True(await partition.CommitMembersAsync() >= 2);
        foreach (var key in keys)
        {
            Assert.False(await fixture.Grains.GetGrain<IPatientGrain>(key).CommitAsync());
        }

        Assert.Equal(2, (await Snapshot(keys[0])).UnitsApplied);
        Assert.Equal(1, (await Snapshot(keys[2])).UnitsApplied);
    }

    [Fact]
    public async Task ApplyAndSettle_AppliesCommitsAndDerivesInOneCall_AndADuplicatedUnitAppliesNothing()
    {
        var (p, keys) = PatientsOfOnePartition(3);
        var partition = fixture.Grains.GetGrain<IPartitionBuild>(p);
        await partition.ApplyUnitAsync(new PartitionUnit("DCIR:2021-03", keys, [Pack(5), Pack(6), Pack(7)], null));
        await partition.SettleTouchedAsync(s_years);

        // The monthly update: two of the three patients.
        var update = new PartitionUnit("DCIR:2021-04", keys[..2], [Pack(40, 41), Pack(42)], null);
        Assert.Equal(new PartitionSettlement(2, 2, 2), await partition.ApplyAndSettleAsync(update, s_years));
        foreach (var key in keys)
        {
            Assert.False(await fixture.Grains.GetGrain<IPatientGrain>(key).CommitAsync());
        }

        var stored = (await fixture.Grains.GetGrain<IPartitionGrain>(p).GetSummariesAsync()).ToDictionary(s => s.Patient);
        Assert.Equal([3, 2, 1], keys.Select(k => stored[k].EventCount));
        foreach (var key in keys)
        {
            var full = await fixture.Grains.GetGrain<IPatientGrain>(key).SummarizeAsync(s_years);
            Assert.Equal(full.Conditions, stored[key].Conditions);
            Assert.Equal(full.EventCount, stored[key].EventCount);
        }

        // Sent twice: nothing applied or written; the patients are not left touched for a later settlement.
        Assert.Equal(new PartitionSettlement(2, 0, 0), await partition.ApplyAndSettleAsync(update, s_years));
        var derivations = (await Task.WhenAll(keys.Select(Snapshot))).Select(s => s.Derivations).ToArray();
        await partition.SettleTouchedAsync(s_years);
        Assert.Equal(derivations, (await Task.WhenAll(keys.Select(Snapshot))).Select(s => s.Derivations));
        Assert.Equal(2, (await Snapshot(keys[0])).UnitsApplied);
        Assert.Equal(1, (await Snapshot(keys[2])).UnitsApplied);
    }
}
