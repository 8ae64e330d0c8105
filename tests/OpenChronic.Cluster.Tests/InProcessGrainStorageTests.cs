using Microsoft.Extensions.DependencyInjection;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using OpenChronic.Silo;
using Orleans.Storage;

namespace OpenChronic.Cluster.Tests;

/// <summary>The embedded grid keeps patient state in its own process: the storage's read, write and clear contract.</summary>
public sealed class InProcessGrainStorageTests
{
    private static readonly GrainId s_patient = GrainId.Create("patient", "0f8fad5bd9cb469fa16570867728950e");

    [Fact]
    public async Task EmbeddedGrid_PatientState_IsKeptInProcess_WithOptimisticConcurrency()
    {
        await using var grid = await EmbeddedGrid.StartAsync(KeyedPseudonym.FromPassphrase("storage test"), TestContext.Current.CancellationToken);
        var storage = Assert.IsType<InProcessGrainStorage>(grid.Services.GetRequiredKeyedService<IGrainStorage>(OpenChronicSilo.PatientStorage));

        // Nothing stored: a fresh default state, no record, no version.
        var first = new GrainState<PatientState>();
        await storage.ReadStateAsync("patient", s_patient, first);
        Assert.False(first.RecordExists);
        Assert.Null(first.ETag);
        Assert.NotNull(first.State);

        first.State!.Events = [1, 2, 3];
        first.State.AppliedUnits = [42UL];
        await storage.WriteStateAsync("patient", s_patient, first);
        Assert.True(first.RecordExists);
        Assert.NotNull(first.ETag);

        // A second reader gets a copy (not the writer's object) with the same version.
        var second = new GrainState<PatientState>();
        await storage.ReadStateAsync("patient", s_patient, second);
        Assert.True(second.RecordExists);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal([1, 2, 3], second.State!.Events);
        Assert.Equal([42UL], second.State.AppliedUnits);
        Assert.NotSame(first.State, second.State);

        // The first writer writes again: the second now holds a stale version and may neither write nor clear.
        first.State.Events = [9];
        await storage.WriteStateAsync("patient", s_patient, first);
        second.State.Events = [7];
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("patient", s_patient, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("patient", s_patient, second));

        // A new activation that never read may not overwrite an existing record either.
        var blind = new GrainState<PatientState>(new PatientState { Events = [5] });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("patient", s_patient, blind));

        var check = new GrainState<PatientState>();
        await storage.ReadStateAsync("patient", s_patient, check);
        Assert.Equal([9], check.State!.Events);

        // The current version clears it.
        await storage.ClearStateAsync("patient", s_patient, first);
        Assert.False(first.RecordExists);
        var gone = new GrainState<PatientState>();
        await storage.ReadStateAsync("patient", s_patient, gone);
        Assert.False(gone.RecordExists);
        Assert.Empty(gone.State!.Events);
    }

    [Fact]
    public async Task EmbeddedGrid_CommittedPatient_IsReadBackAfterDeactivation()
    {
        await using var grid = await EmbeddedGrid.StartAsync(KeyedPseudonym.FromPassphrase("storage test"), TestContext.Current.CancellationToken);
        var key = Guid.Parse("6a1f3c55-0d8e-4b7a-9a53-2c6b1d0e4f11");
        var patient = grid.Grains.GetGrain<IPatientGrain>(key);
        var events = new[] { new Domain.Pathways.CareEvent(100, 100, Domain.Pathways.CareEventKind.Consultation, Domain.Pathways.CareEventTraits.None, 1, 7, 0, 1) };
        Assert.True(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Domain.Pathways.EventPack.Pack(events), null)));
        Assert.True(await patient.CommitAsync());
        var storage = (InProcessGrainStorage)grid.Services.GetRequiredKeyedService<IGrainStorage>(OpenChronicSilo.PatientStorage);
        Assert.Equal(1, storage.Count);
        var management = grid.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var statistics = await management.GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(statistics, s => s.GrainType.Contains(nameof(PatientGrain), StringComparison.Ordinal) && s.ActivationCount > 0);

        // A new activation reads the committed state back: the unit is known (ignored) and the event is there.
        Assert.False(await patient.ApplyUnitAsync(new UnitEvents("DCIR:2020-01", Domain.Pathways.EventPack.Pack(events), null)));
        Assert.Equal(1, (await patient.GetSnapshotAsync()).EventCount);
    }
}
