namespace OpenChronic.Grains;

/// <summary>
/// The partition's part in a build: applying a unit's payloads to its member patients inside the silo (one call from
/// the worker per partition per unit), committing them for the ingest job, and re-deriving only the patients touched
/// since their last derivation.
/// </summary>
public sealed partial class PartitionGrain : IPartitionBuild
{
    // Calls in flight from one partition to its patients (applies, commits, settlements): 64 partitions × 2 units keep
    // about 32,000 in the silo.
    private const int ApplyWindow = 256;

    // Members that applied a unit since their last derivation (a derivation upserts the summary, which clears it),
    // with the number of the delivery that touched them last: a unit applied while a re-derivation is under way
    // keeps its patient touched.
    private readonly Dictionary<Guid, long> _touched = [];

    // Members that applied a delivered unit since their last commit (with the delivery that touched them last), and
    // members that apply units on their own (registered directly: always committed). A new activation does not know
    // what its members hold uncommitted, so its first commit asks every member.
    private readonly Dictionary<Guid, long> _uncommitted = [];
    private readonly HashSet<Guid> _direct = [];
    private bool _commitAll = true;
    private long _deliveries;
    private PatientReferences? _patients;

    private PatientReferences PatientGrains => _patients ??= new PatientReferences(GrainFactory);

    public async ValueTask<int> ApplyUnitAsync(PartitionUnit unit)
    {
        await AdmitAsync(unit);
        var delivery = ++_deliveries;
        var applied = 0;
        await InWindowAsync(unit.Patients.Length, i => PatientGrains.Get(unit.Patients[i]).ApplyUnitAsync(Events(unit, i)).AsTask(), (i, done) =>
        {
            if (done)
            {
                _touched[unit.Patients[i]] = delivery;
                _uncommitted[unit.Patients[i]] = delivery;
                applied++;
            }
        });
        return applied;
    }

    public async ValueTask<PartitionSettlement> ApplyAndSettleAsync(PartitionUnit unit, int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        await AdmitAsync(unit);
        var delivery = ++_deliveries;
        var (derived, written, applied) = (0, 0, 0);
        await InWindowAsync(unit.Patients.Length, i => PatientGrains.Get(unit.Patients[i]).ApplyAndSettleAsync(Events(unit, i), years).AsTask(), (i, settled) =>
        {
            // The patient committed and re-derived everything it held, so earlier deliveries are settled for it too;
            // a later delivery (interleaved) keeps its own entry.
            var key = unit.Patients[i];
            _summaries[key] = settled.Summary;
            Forget(_touched, key, delivery);
            Forget(_uncommitted, key, delivery);
            derived++;
            written += settled.Written ? 1 : 0;
            applied += settled.Applied ? 1 : 0;
        });
        return new PartitionSettlement(derived, written, applied);
    }

    public async ValueTask<int> CommitMembersAsync()
    {
        var pending = _uncommitted.ToArray();
        var written = await CommitEachAsync(MembersToCommit(pending));
        ForgetCommitted(pending);
        return written;
    }

    public async ValueTask<PartitionSettlement> SettleTouchedAsync(int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var touched = _touched.ToArray();
        var pending = _uncommitted.ToArray();
        var settled = touched.Select(t => t.Key).ToHashSet();
        var written = 0;

        // The patient returns its summary rather than upserting it: this partition is busy with this call.
        await InWindowAsync(touched.Length, i => PatientGrains.Get(touched[i].Key).SettleAsync(years).AsTask(), (i, settlement) =>
        {
            Summarized(touched[i], settlement.Summary);
            written += settlement.Written ? 1 : 0;
        });

        written += await CommitEachAsync([.. MembersToCommit(pending).Where(k => !settled.Contains(k))]);
        ForgetCommitted(pending);
        return new PartitionSettlement(touched.Length, written);
    }

    // Members that may hold uncommitted units: all of them on a new activation, else those delivered a unit since their
    // last commit and those that apply units on their own.
    private Guid[] MembersToCommit(KeyValuePair<Guid, long>[] pending) =>
        _commitAll ? [.. _members] : [.. pending.Select(p => p.Key).Union(_direct)];

    private async Task<int> CommitEachAsync(Guid[] members)
    {
        var written = 0;
        await InWindowAsync(members.Length, i => PatientGrains.Get(members[i]).CommitAsync().AsTask(), (_, done) => written += done ? 1 : 0);
        return written;
    }

    // Every member asked has written what it held; a unit delivered meanwhile keeps its patient uncommitted.
    private void ForgetCommitted(KeyValuePair<Guid, long>[] pending)
    {
        _commitAll = false;
        foreach (var (key, delivery) in pending)
        {
            Forget(_uncommitted, key, delivery);
        }
    }

    // The summary is the member's current one; a unit applied during the derivation keeps the member touched.
    private void Summarized(KeyValuePair<Guid, long> entry, PatientSummary summary)
    {
        _summaries[entry.Key] = summary;
        Forget(_touched, entry.Key, entry.Value);
    }

    // Checks the unit's shape and that its patients are this partition's, and records them as members (durably, before
    // any patient applies, in cluster mode).
    private async Task AdmitAsync(PartitionUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var patients = unit.Patients;
        if (patients.Length != unit.Packs.Length || (unit.Profiles is { } profiles && profiles.Length != patients.Length)
            || (unit.Declarations is { } declarations && declarations.Length != patients.Length))
        {
            throw new ArgumentException($"Unit {unit.UnitId}: {patients.Length} patients, {unit.Packs.Length} packs, {unit.Profiles?.Length} profiles, {unit.Declarations?.Length} declarations.", nameof(unit));
        }

        var self = this.GetPrimaryKeyLong();
        var added = false;
        foreach (var key in patients)
        {
            if (Partitions.Of(key) != self)
            {
                throw new ArgumentException($"Unit {unit.UnitId}: a patient of partition {Partitions.Of(key)} was sent to partition {self}.", nameof(unit));
            }

            added |= _members.Add(key);
        }

        if (added)
        {
            await PersistMembershipAsync();
        }
    }

    private static UnitEvents Events(PartitionUnit unit, int i) =>
        new(unit.UnitId, unit.Packs[i], unit.Profiles?[i], unit.Declarations?[i], ViaPartition: true);

    // Removes a member's entry unless a later delivery (a higher number) touched it since.
    private static void Forget(Dictionary<Guid, long> entries, Guid key, long delivery)
    {
        if (entries.TryGetValue(key, out var last) && last <= delivery)
        {
            entries.Remove(key);
        }
    }

    // Calls for items 0..count-1 with at most ApplyWindow in flight (a sliding window), results handled in order.
    private static async Task InWindowAsync<T>(int count, Func<int, Task<T>> call, Action<int, T> done)
    {
        var window = new Queue<(int Item, Task<T> Call)>(Math.Min(ApplyWindow, count));
        for (var i = 0; i < count; i++)
        {
            if (window.Count == ApplyWindow)
            {
                var (item, pending) = window.Dequeue();
                done(item, await pending);
            }

            window.Enqueue((i, call(i)));
        }

        while (window.TryDequeue(out var next))
        {
            done(next.Item, await next.Call);
        }
    }
}
