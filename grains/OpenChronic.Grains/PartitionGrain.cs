namespace OpenChronic.Grains;

/// <summary>
/// Holds the summaries of the patients of one hash bucket, in memory (they are rebuilt by the patients' next
/// derivation after a restart; patients themselves are persisted).
/// </summary>
public sealed class PartitionGrain : Grain, IPartitionGrain
{
    private readonly Dictionary<Guid, PatientSummary> _summaries = [];

    public ValueTask UpsertAsync(PatientSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _summaries[summary.Patient] = summary;
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PatientSummary>> GetSummariesAsync() =>
        ValueTask.FromResult<IReadOnlyList<PatientSummary>>([.. _summaries.Values.OrderBy(s => s.Patient)]);
}
