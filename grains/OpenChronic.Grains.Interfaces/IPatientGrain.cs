namespace OpenChronic.Grains;

/// <summary>
/// One patient's care pathway. Keyed by a keyed pseudonym of <c>BEN_IDT_ANO</c> (never the identifier itself), it
/// accumulates the events that ingestion workers send, one call per work unit, and derives the pathway from them.
/// </summary>
[Alias("OpenChronic.IPatientGrain")]
public interface IPatientGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Applies one work unit's events for this patient, in memory (nothing is written per unit). A unit already
    /// applied, committed or not, is ignored, so a retried or duplicated unit changes nothing; returns false then.
    /// </summary>
    [Alias("ApplyUnit")]
    ValueTask<bool> ApplyUnitAsync(UnitEvents unit);

    /// <summary>
    /// Persists the units applied since the last commit: the timeline and their unit hashes in one state write, so
    /// that after a restart the patient holds exactly the events of the units it says it applied. Returns false when
    /// there was nothing to write. The ingest job commits every patient once its units are done.
    /// </summary>
    [Alias("Commit")]
    ValueTask<bool> CommitAsync();

    /// <summary>The patient's profile, event count and the units applied so far.</summary>
    [Alias("GetSnapshot")]
    ValueTask<PatientSnapshot> GetSnapshotAsync();

    /// <summary>The timeline as an event pack (see <c>EventPack</c>), for export and cross-checks.</summary>
    [Alias("GetTimeline")]
    ValueTask<byte[]> GetTimelineAsync();

    /// <summary>
    /// Derives conditions per year (case-definition catalogue), ALD episodes, treatment lines and hospital episodes
    /// for <paramref name="years"/>, and pushes the patient's summary to its partition.
    /// </summary>
    [Alias("Derive")]
    ValueTask<PatientDerived> DeriveAsync(int[] years);

    /// <summary>
    /// Derives like <see cref="DeriveAsync"/> and returns the patient's summary instead of pushing it: the partition
    /// that asks (incremental re-derivation of touched patients) stores it itself.
    /// </summary>
    [Alias("Summarize")]
    ValueTask<PatientSummary> SummarizeAsync(int[] years);

    /// <summary>
    /// What the database export needs in one call: derives like <see cref="DeriveAsync"/> (summary pushed to the
    /// partition) and returns the profile and the timeline as an event pack with the derived pathway.
    /// </summary>
    [Alias("Export")]
    ValueTask<PatientExport> ExportAsync(int[] years);

    /// <summary>
    /// Commits like <see cref="CommitAsync"/>, then derives like <see cref="SummarizeAsync"/> and returns the summary:
    /// how a partition settles a patient touched by a monthly update, in one call instead of two.
    /// </summary>
    [Alias("Settle")]
    ValueTask<PatientSettlement> SettleAsync(int[] years);

    /// <summary>
    /// A monthly update for this patient in one call: applies the unit like <see cref="ApplyUnitAsync"/> (ignored when
    /// already applied), then settles like <see cref="SettleAsync"/> (commit, re-derivation, summary returned).
    /// </summary>
    [Alias("ApplyAndSettle")]
    ValueTask<PatientSettlement> ApplyAndSettleAsync(UnitEvents unit, int[] years);
}
