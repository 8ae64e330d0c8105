namespace OpenChronic.Grains;

/// <summary>
/// The partition's part in a build: applying a unit's payloads to its member patients inside the silo (one call from
/// the worker per partition per unit), committing them for the ingest job, and re-deriving only the patients touched
/// since their last derivation.
/// </summary>
public sealed partial class PartitionGrain : IPartitionBuild
{
    private const int CommitWave = 256;

    // Calls in flight from one partition to its patients: 64 partitions × 2 units keep about 32,000 in the silo.
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
            // Durable before any patient applies (cluster mode), as a patient's own registration was.
            await PersistMembershipAsync();
        }

        var delivery = ++_deliveries;
        var applied = 0;
        var window = new Queue<(Guid Key, Task<bool> Call)>(Math.Min(ApplyWindow, patients.Length));
        for (var i = 0; i < patients.Length; i++)
        {
            if (window.Count == ApplyWindow)
            {
                applied += await Applied(window.Dequeue(), delivery);
            }

            var events = new UnitEvents(unit.UnitId, unit.Packs[i], unit.Profiles?[i], unit.Declarations?[i], ViaPartition: true);
            window.Enqueue((patients[i], PatientGrains.Get(patients[i]).ApplyUnitAsync(events).AsTask()));
        }

        while (window.TryDequeue(out var call))
        {
            applied += await Applied(call, delivery);
        }

        return applied;
    }

    public async ValueTask<int> CommitMembersAsync()
    {
        var pending = _uncommitted.ToArray();
        var members = _commitAll ? _members.ToArray() : [.. pending.Select(p => p.Key).Union(_direct)];
        var written = 0;
        var wave = new List<Task<bool>>(CommitWave);
        for (var start = 0; start < members.Length; start += CommitWave)
        {
            wave.Clear();
            for (var i = start; i < Math.Min(members.Length, start + CommitWave); i++)
            {
                wave.Add(PatientGrains.Get(members[i]).CommitAsync().AsTask());
            }

            foreach (var done in await Task.WhenAll(wave))
            {
                written += done ? 1 : 0;
            }
        }

        // Every member asked has written what it held; a unit delivered meanwhile keeps its patient uncommitted.
        _commitAll = false;
        foreach (var (key, delivery) in pending)
        {
            if (_uncommitted.TryGetValue(key, out var last) && last == delivery)
            {
                _uncommitted.Remove(key);
            }
        }

        return written;
    }

    public async ValueTask<int> DeriveTouchedAsync(int[] years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var touched = _touched.ToArray();
        var wave = new List<Task<PatientSummary>>(CommitWave);
        for (var start = 0; start < touched.Length; start += CommitWave)
        {
            wave.Clear();
            for (var i = start; i < Math.Min(touched.Length, start + CommitWave); i++)
            {
                // The patient returns its summary rather than upserting it: this partition is busy with this call.
                wave.Add(PatientGrains.Get(touched[i].Key).SummarizeAsync(years).AsTask());
            }

            var summaries = await Task.WhenAll(wave);
            for (var i = 0; i < summaries.Length; i++)
            {
                var (key, delivery) = touched[start + i];
                _summaries[key] = summaries[i];
                if (_touched.TryGetValue(key, out var last) && last == delivery)
                {
                    _touched.Remove(key);
                }
            }
        }

        return touched.Length;
    }

    private async Task<int> Applied((Guid Key, Task<bool> Call) call, long delivery)
    {
        if (!await call.Call)
        {
            return 0;
        }

        _touched[call.Key] = delivery;
        _uncommitted[call.Key] = delivery;
        return 1;
    }
}
