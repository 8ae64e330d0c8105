using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains;

/// <summary>
/// Holds one patient's timeline in memory (32 bytes an event, no second copy) and persists it once per commit.
/// </summary>
/// <remarks>
/// Commit protocol. A unit is applied in memory only: its events join the timeline and the 64-bit hash of its id joins
/// the pending hashes, so a retried or duplicated unit is recognised at once (committed or pending hashes). Nothing is
/// written per unit. <see cref="CommitAsync"/> writes the whole timeline and every applied hash in ONE state write,
/// so the stored state always holds exactly the events of the units it names. The ingest job commits every patient
/// (through the partitions) once its units are done, and records those units as committed only afterwards; a
/// deactivation commits too. After a crash the grain reactivates from its last commit and the job re-sends the units
/// it had not recorded as committed: units the grain had committed are ignored by hash, the others are applied once.
/// </remarks>
public sealed partial class PatientGrain(
    [PersistentState("patient", "patients")] IPersistentState<PatientState> state,
    PathwayDeriver deriver,
    ILogger<PatientGrain> logger) : Grain, IPatientGrain
{
    private readonly List<ulong> _pending = [];
    private PatientTimeline? _timeline;
    private bool _registered;
    private int _derivations;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timeline = new PatientTimeline();
        if (state.State.Events.Length > 0)
        {
            _timeline.AddPack(state.State.Events);
            _timeline.TrimExcess();

            // The timeline is the resident copy; the pack is rebuilt for each commit.
            state.State.Events = [];
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Lazy persistence: what was applied since the last commit is written before the grain leaves memory.
        await Commit();
    }

    public async ValueTask<bool> ApplyUnitAsync(UnitEvents unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var hash = HashOf(unit.UnitId);
        if (_pending.Contains(hash) || Array.IndexOf(state.State.AppliedUnits, hash) >= 0)
        {
            LogUnitAlreadyApplied(logger, unit.UnitId);
            return false;
        }

        if (unit.ViaPartition)
        {
            _registered = true;
        }
        else if (!_registered)
        {
            // Once per activation, so that a partition restarted empty learns its members again.
            await GrainFactory.GetGrain<IPartitionGrain>(Partitions.Of(this.GetPrimaryKey())).RegisterAsync(this.GetPrimaryKey());
            _registered = true;
        }

        _timeline!.AddPack(unit.Pack);
        _pending.Add(hash);
        if (unit.Profile is not null)
        {
            state.State.Profile = unit.Profile;
        }

        Declare(unit.DeclaredGp);

        return true;
    }

    public ValueTask<bool> CommitAsync() => new(Commit());

    public async ValueTask<PatientSettlement> SettleAsync(int[] years)
    {
        var written = await Commit();
        return new PatientSettlement(written, Derive(years).Summary);
    }

    public async ValueTask<PatientSettlement> ApplyAndSettleAsync(UnitEvents unit, int[] years)
    {
        var applied = await ApplyUnitAsync(unit);
        return await SettleAsync(years) with { Applied = applied };
    }

    public ValueTask<PatientSnapshot> GetSnapshotAsync() =>
        ValueTask.FromResult(new PatientSnapshot(state.State.Profile, _timeline!.Count, state.State.AppliedUnits.Length + _pending.Count, _timeline.ResidentBytes,
            _derivations));

    public ValueTask<byte[]> GetTimelineAsync() => ValueTask.FromResult(EventPack.Pack(_timeline!.Events));

    public async ValueTask<PatientDerived> DeriveAsync(int[] years)
    {
        var (derived, summary) = Derive(years);
        await GrainFactory.GetGrain<IPartitionGrain>(Partitions.Of(summary.Patient)).UpsertAsync(summary);
        return derived;
    }

    public ValueTask<PatientSummary> SummarizeAsync(int[] years) => ValueTask.FromResult(Derive(years).Summary);

    public async ValueTask<PatientExport> ExportAsync(int[] years)
    {
        var derived = await DeriveAsync(years);
        return new PatientExport(state.State.Profile, EventPack.Pack(_timeline!.Events), derived, state.State.DeclaredGp);
    }

    private (PatientDerived Derived, PatientSummary Summary) Derive(int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        _derivations++;
        var derived = PathwayWire.From(deriver.Derive(_timeline!.Events, years));
        var summary = new PatientSummary(this.GetPrimaryKey(), state.State.Profile, derived.Conditions,
            [.. derived.AldEpisodes.Select(e => e.AldNumber).Distinct().Order()], _timeline.Count);
        return (derived, summary);
    }

    private async Task<bool> Commit()
    {
        if (_pending.Count == 0)
        {
            return false;
        }

        var timeline = _timeline!;

        // The build is over for this patient until the next unit: spare capacity would be resident bytes for nothing.
        timeline.TrimExcess();
        var committed = state.State.AppliedUnits;
        state.State.Events = EventPack.Pack(timeline.Events);
        state.State.AppliedUnits = [.. committed, .. _pending];
        try
        {
            await state.WriteStateAsync();
            _pending.Clear();
            _pending.TrimExcess();
        }
        catch
        {
            // The write failed: the units stay pending (applied in memory, not committed) and the job re-sends them.
            state.State.AppliedUnits = committed;
            throw;
        }
        finally
        {
            state.State.Events = [];
        }

        return true;
    }

    private static ulong HashOf(string unitId)
    {
        Span<byte> utf8 = stackalloc byte[256];
        return Encoding.UTF8.TryGetBytes(unitId, utf8, out var n)
            ? XxHash64.HashToUInt64(utf8[..n])
            : XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(unitId));
    }

    // The unit id names a file partition, never a patient; the grain key is a pseudonym and is not logged either.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {UnitId} was already applied; ignored.")]
    private static partial void LogUnitAlreadyApplied(ILogger logger, string unitId);
}
