using Microsoft.Extensions.Logging;

namespace OpenChronic.Grains;

/// <summary>
/// Runs an ingest job in the background of its activation: beneficiaries first (they carry the profiles), then the
/// other units two at a time, each retried up to three times (units are idempotent). State is written after each
/// unit, by the job loop only; a reactivated job with unfinished units resumes where it stopped.
/// </summary>
/// <remarks>
/// Commit protocol (see <see cref="PatientGrain"/>): patients apply units in memory. When every unit is done (and
/// every <see cref="IngestRequest.CommitEvery"/> units when asked), the job drains the running units, asks the 64
/// partitions to commit their members, and only then records the units done so far as committed. A resumed job
/// first forgets the reports of units done but not committed and redoes those units: patients that had committed
/// them ignore them by hash, patients that lost them with a silo apply them once.
/// </remarks>
public sealed partial class IngestJobGrain(
    [PersistentState("job", "jobs")] IPersistentState<IngestJobState> state,
    TimeProvider time,
    ILogger<IngestJobGrain> logger) : Grain, IIngestJobGrain
{
    private const int Parallel = 2;
    private const int Attempts = 3;
    private Task? _run;
    private long _startedAt;
    private double _secondsBefore;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Status == "running" && state.State.Request is not null)
        {
            var job = this.GetPrimaryKeyString();
            LogResuming(logger, job, state.State.Done.Count, state.State.Units.Length);
            Launch();
        }

        return Task.CompletedTask;
    }

    public async ValueTask StartAsync(IngestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_run is not null || state.State.Status == "completed")
        {
            return;
        }

        if (state.State.Request is null || state.State.Status == "failed")
        {
            state.State = new IngestJobState { Request = request, Status = "running" };
            await state.WriteStateAsync();
        }

        Launch();
    }

    public ValueTask<IngestProgress> GetProgressAsync()
    {
        var s = state.State;
        var seconds = _run is null ? s.Seconds : _secondsBefore + time.GetElapsedTime(_startedAt).TotalSeconds;
        return ValueTask.FromResult(new IngestProgress(s.Status, s.Done.Count, s.Units.Length, s.Done.Sum(d => d.SourceRows),
            s.Done.Sum(d => d.Events), s.Done.Sum(d => d.RejectedRows), seconds, s.Error, [.. s.Done], s.CommittedUnits, s.CommitSeconds));
    }

    private void Launch()
    {
        _startedAt = time.GetTimestamp();
        _secondsBefore = state.State.Seconds;
        _run = RunAsync();
    }

    private async Task RunAsync()
    {
        var request = state.State.Request!;
        var worker = GrainFactory.GetGrain<IIngestWorkerGrain>(0);
        try
        {
            if (state.State.Units.Length == 0)
            {
                state.State.Units = await worker.PlanUnitsAsync(request);
                await state.WriteStateAsync();
            }

            if (state.State.Done.Count > state.State.CommittedUnits)
            {
                // Applied in memory only: lost if a silo restarted, so redone (committed patients ignore them).
                state.State.Done.RemoveRange(state.State.CommittedUnits, state.State.Done.Count - state.State.CommittedUnits);
                await state.WriteStateAsync();
            }

            var done = state.State.Done.Select(d => d.UnitId).ToHashSet(StringComparer.Ordinal);
            var pending = new Queue<string>(state.State.Units.Where(u => !done.Contains(u)));

            // Beneficiaries carry the profiles and must be known before anything refers to a patient.
            if (pending.TryPeek(out var first) && first == "IR_BEN_R")
            {
                await Record(await Process(worker, request, pending.Dequeue()));
            }

            var running = new List<Task<UnitReport>>();
            while (pending.Count > 0 || running.Count > 0)
            {
                while (running.Count < Parallel && pending.TryDequeue(out var unit))
                {
                    running.Add(Process(worker, request, unit));
                }

                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                await Record(await finished);
                if (request.CommitEvery > 0 && state.State.Done.Count - state.State.CommittedUnits >= request.CommitEvery)
                {
                    // A checkpoint commits only finished units: drain the running ones first.
                    foreach (var task in running)
                    {
                        await Record(await task);
                    }

                    running.Clear();
                    await CommitPatients();
                }
            }

            await CommitPatients();
            state.State.Status = "completed";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            state.State.Status = "failed";
            state.State.Error = e.Message;
            LogFailed(logger, this.GetPrimaryKeyString(), e.Message);
        }

        state.State.Seconds = _secondsBefore + time.GetElapsedTime(_startedAt).TotalSeconds;
        await state.WriteStateAsync();
        _run = null;
    }

    private async Task Record(UnitReport report)
    {
        state.State.Done.Add(report);
        OpenChronicTelemetry.UnitCommitted(report);
        state.State.Seconds = _secondsBefore + time.GetElapsedTime(_startedAt).TotalSeconds;
        await state.WriteStateAsync();
    }

    private async Task CommitPatients()
    {
        if (state.State.CommittedUnits == state.State.Done.Count)
        {
            return;
        }

        var started = time.GetTimestamp();
        var partitions = new Task<int>[Partitions.Count];
        for (var p = 0; p < partitions.Length; p++)
        {
            partitions[p] = GrainFactory.GetGrain<IPartitionBuild>(p).CommitMembersAsync().AsTask();
        }

        var written = (await Task.WhenAll(partitions)).Sum();
        state.State.CommittedUnits = state.State.Done.Count;
        state.State.CommitSeconds += time.GetElapsedTime(started).TotalSeconds;
        state.State.Seconds = _secondsBefore + time.GetElapsedTime(_startedAt).TotalSeconds;
        await state.WriteStateAsync();
        LogCommitted(logger, state.State.CommittedUnits, written);
    }

    private async Task<UnitReport> Process(IIngestWorkerGrain worker, IngestRequest request, string unit)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await worker.ProcessUnitAsync(request, unit);
            }
            catch (Exception e) when (attempt < Attempts && e is not ArgumentException)
            {
                LogRetry(logger, unit, attempt, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest job {Job} resumes: {Done} of {Units} units done.")]
    private static partial void LogResuming(ILogger logger, string job, int done, int units);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingest job: {Units} units committed, {Patients} patients written.")]
    private static partial void LogCommitted(ILogger logger, int units, int patients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unit {Unit} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetry(ILogger logger, string unit, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingest job {Job} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string job, string reason);
}
