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
    /// Settles a monthly update in one pass over the members: each member that applied a unit since its last
    /// derivation commits and re-derives in ONE call (its summary refreshed), the other members holding uncommitted
    /// units commit. Returns how many members were re-derived and how many wrote
    /// their state. An incremental flux month touches a fraction of the patients: only they are derived again.
    /// </summary>
    [Alias("SettleTouched")]
    ValueTask<PartitionSettlement> SettleTouchedAsync(int[] years);

    /// <summary>
    /// A monthly update in one pass: records the unit's patients as members like <see cref="ApplyUnitAsync"/>, then each
    /// patient applies its payload, commits and re-derives in ONE call (<c>IPatientGrain.ApplyAndSettleAsync</c>), and
    /// the partition keeps the summaries. Returns how many applied the unit, wrote their state and were re-derived.
    /// </summary>
    [Alias("ApplyAndSettle"), AlwaysInterleave]
    ValueTask<PartitionSettlement> ApplyAndSettleAsync(PartitionUnit unit, int[] years);
}
