namespace OpenChronic.Grains;

/// <summary>
/// A hash bucket of patients (key = bucket number): holds their summaries so that cohort queries ask a few dozen
/// partitions instead of every patient.
/// </summary>
[Alias("OpenChronic.IPartitionGrain")]
public interface IPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Records that a patient belongs to the partition (called once, when the patient receives its first unit).</summary>
    [Alias("Register")]
    ValueTask RegisterAsync(Guid patient);

    /// <summary>The pseudonymous keys of the partition's patients, sorted.</summary>
    [Alias("GetMembers")]
    ValueTask<IReadOnlyList<Guid>> GetMembersAsync();

    /// <summary>Stores or replaces a patient's summary.</summary>
    [Alias("Upsert")]
    ValueTask UpsertAsync(PatientSummary summary);

    /// <summary>All summaries of the partition.</summary>
    [Alias("GetSummaries")]
    ValueTask<IReadOnlyList<PatientSummary>> GetSummariesAsync();
}
