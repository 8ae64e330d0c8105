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
