namespace OpenChronic.Grains;

/// <summary>
/// The build's fan-out through a partition: the ingest job asks the 64 partitions, never each patient, to commit
/// the patients they hold (see <c>PatientGrain</c>'s commit protocol).
/// </summary>
[Alias("OpenChronic.IPartitionBuild")]
public interface IPartitionBuild : IGrainWithIntegerKey
{
    /// <summary>Commits every member patient (bounded parallel waves); returns how many wrote their state.</summary>
    [Alias("CommitMembers")]
    ValueTask<int> CommitMembersAsync();
}
