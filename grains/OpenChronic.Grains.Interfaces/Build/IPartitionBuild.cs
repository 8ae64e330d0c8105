using Orleans.Concurrency;

namespace OpenChronic.Grains;

/// <summary>
/// The build's fan-out through a partition: the ingest job and its workers ask the 64 partitions, never each patient,
/// to apply a unit to the patients they hold and to commit them (see <c>PatientGrain</c>'s commit protocol).
/// </summary>
[Alias("OpenChronic.IPartitionBuild")]
public interface IPartitionBuild : IGrainWithIntegerKey
{
    /// <summary>Commits every member patient (bounded parallel waves); returns how many wrote their state.</summary>
    [Alias("CommitMembers")]
    ValueTask<int> CommitMembersAsync();

    /// <summary>
    /// Records the unit's patients as members (durably when membership is persisted), then applies each payload to its
    /// patient (bounded parallelism). Returns how many patients applied it (a patient that already had the unit ignores
    /// it, so a retried or duplicated unit returns 0 for them). Interleaves: two units may be delivered at once.
    /// </summary>
    [Alias("ApplyUnit"), AlwaysInterleave]
    ValueTask<int> ApplyUnitAsync(PartitionUnit unit);

    /// <summary>
    /// Re-derives, for <paramref name="years"/>, only the members that applied a unit since their last derivation, and
    /// refreshes their summaries; returns how many were re-derived. An incremental flux month touches a few patients.
    /// </summary>
    [Alias("DeriveTouched")]
    ValueTask<int> DeriveTouchedAsync(int[] years);
}
