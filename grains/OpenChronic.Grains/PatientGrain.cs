using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains;

/// <summary>
/// Holds one patient's timeline in memory (32 bytes an event, no second copy) and persists it once per applied unit.
/// Unit application is idempotent: units are remembered by a 64-bit hash of their id.
/// </summary>
public sealed partial class PatientGrain(
    [PersistentState("patient", "patients")] IPersistentState<PatientState> state,
    PathwayDeriver deriver,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private PatientTimeline? _timeline;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timeline = new PatientTimeline();
        if (state.State.Events.Length > 0)
        {
            _timeline.AddPack(state.State.Events);

            // The timeline is the resident copy; the pack is rebuilt for each write.
            state.State.Events = [];
        }

        return Task.CompletedTask;
    }

    public async ValueTask<bool> ApplyUnitAsync(UnitEvents unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(unit.UnitId));
        if (Array.IndexOf(state.State.AppliedUnits, hash) >= 0)
        {
            LogUnitAlreadyApplied(logger, unit.UnitId);
            return false;
        }

        if (state.State.AppliedUnits.Length == 0)
        {
            await GrainFactory.GetGrain<IPartitionGrain>(Partitions.Of(this.GetPrimaryKey())).RegisterAsync(this.GetPrimaryKey());
        }

        var timeline = _timeline!;
        timeline.AddPack(unit.Pack);
        state.State.Events = EventPack.Pack(timeline.Events);
        state.State.AppliedUnits = [.. state.State.AppliedUnits, hash];
        if (unit.Profile is not null)
        {
            state.State.Profile = unit.Profile;
        }

        await state.WriteStateAsync();
        state.State.Events = [];
        return true;
    }

    public ValueTask<PatientSnapshot> GetSnapshotAsync() =>
        ValueTask.FromResult(new PatientSnapshot(state.State.Profile, _timeline!.Count, state.State.AppliedUnits.Length, _timeline.ResidentBytes));

    public ValueTask<byte[]> GetTimelineAsync() => ValueTask.FromResult(EventPack.Pack(_timeline!.Events));

    public async ValueTask<PatientDerived> DeriveAsync(int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var pathway = deriver.Derive(_timeline!.Events, years);
        var derived = PathwayWire.From(pathway);
        var summary = new PatientSummary(this.GetPrimaryKey(), state.State.Profile, derived.Conditions,
            [.. derived.AldEpisodes.Select(e => e.AldNumber).Distinct().Order()], _timeline.Count);
        await GrainFactory.GetGrain<IPartitionGrain>(Partitions.Of(summary.Patient)).UpsertAsync(summary);
        return derived;
    }

    // The unit id names a file partition, never a patient; the grain key is a pseudonym and is not logged either.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {UnitId} was already applied; ignored.")]
    private static partial void LogUnitAlreadyApplied(ILogger logger, string unitId);
}
