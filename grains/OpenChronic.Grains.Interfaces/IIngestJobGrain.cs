namespace OpenChronic.Grains;

/// <summary>
/// An ingest job (key = job name): plans the extract's work units, has workers apply each unit exactly once,
/// retries a failed unit, and keeps its progress in persisted state so that an interrupted job resumes.
/// </summary>
[Alias("OpenChronic.IIngestJobGrain")]
public interface IIngestJobGrain : IGrainWithStringKey
{
    /// <summary>Starts (or resumes) the job in the background; returns at once.</summary>
    [Alias("Start")]
    ValueTask StartAsync(IngestRequest request);

    /// <summary>Units done, rows read, events applied, rejects, elapsed time.</summary>
    [Alias("GetProgress")]
    ValueTask<IngestProgress> GetProgressAsync();
}

/// <summary>
/// Reads one work unit (a DCIR flux month, a PMSI year, a referential) in Arrow batches, applies the SNDS filters
/// and joins, resolves persons and sends one call per partition with its patients' events (the partition applies them
/// to each patient inside the silo). Stateless: any silo's worker can take any unit, and applying a unit twice changes
/// nothing.
/// </summary>
[Alias("OpenChronic.IIngestWorkerGrain")]
public interface IIngestWorkerGrain : IGrainWithIntegerKey
{
    [Alias("ProcessUnit")]
    Task<UnitReport> ProcessUnitAsync(IngestRequest request, string unitId);

    /// <summary>
    /// Applies one unit to a built grid as a monthly update: like <see cref="ProcessUnitAsync"/>, but each patient of the
    /// unit also commits and re-derives <paramref name="years"/> in the same call, so that the update is durable and the
    /// partitions' summaries current when this returns.
    /// </summary>
    [Alias("ProcessUpdate")]
    Task<UnitReport> ProcessUpdateAsync(IngestRequest request, string unitId, int[] years);

    /// <summary>The ids of the extract's work units, in processing order (beneficiaries first).</summary>
    [Alias("PlanUnits")]
    Task<string[]> PlanUnitsAsync(IngestRequest request);
}
