namespace OpenChronic.Grains;

/// <summary>
/// Holds the members of one hash bucket and their summaries in memory. In cluster mode the member list is also
/// persisted (see PartitionGrain.Membership.cs); summaries are rebuilt by the next derivation after a restart.
/// </summary>
public sealed partial class PartitionGrain : Grain, IPartitionGrain
{
    private readonly Dictionary<Guid, PatientSummary> _summaries = [];
    private readonly HashSet<Guid> _members = [];

    public ValueTask RegisterAsync(Guid patient)
    {
        _members.Add(patient);
        _direct.Add(patient);
        return PersistMembershipAsync();
    }

    public ValueTask<IReadOnlyList<Guid>> GetMembersAsync() =>
        ValueTask.FromResult<IReadOnlyList<Guid>>([.. _members.Order()]);

    public ValueTask UpsertAsync(PatientSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _summaries[summary.Patient] = summary;
        _members.Add(summary.Patient);
        _touched.Remove(summary.Patient);
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<PatientSummary>> GetSummariesAsync() =>
        ValueTask.FromResult<IReadOnlyList<PatientSummary>>([.. _summaries.Values.OrderBy(s => s.Patient)]);
}
