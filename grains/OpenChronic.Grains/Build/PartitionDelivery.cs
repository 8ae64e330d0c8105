namespace OpenChronic.Grains;

/// <summary>
/// Groups a unit's per-patient payloads by partition and delivers them in one call per partition (64 calls per unit
/// instead of one per patient from the worker); each partition applies them to its patients inside the silo.
/// </summary>
internal sealed class PartitionDelivery(string unitId, bool withProfiles)
{
    private readonly List<Guid>[] _patients = NewLists<Guid>();
    private readonly List<byte[]>[] _packs = NewLists<byte[]>();
    private readonly List<PatientProfile>[]? _profiles = withProfiles ? NewLists<PatientProfile>() : null;
    private readonly List<GpDeclaration?>[] _declarations = NewLists<GpDeclaration?>();
    private readonly bool[] _declared = new bool[Partitions.Count];

    /// <summary>Adds one patient's packed events (and profile when the unit carries profiles, declared GP when the lines had one).</summary>
    public void Add(Guid patient, byte[] pack, PatientProfile? profile, GpDeclaration? declared = null)
    {
        var p = (int)Partitions.Of(patient);
        _patients[p].Add(patient);
        _packs[p].Add(pack);
        _declarations[p].Add(declared);
        _declared[p] |= declared is not null;
        if (_profiles is not null)
        {
            _profiles[p].Add(profile ?? throw new ArgumentNullException(nameof(profile), "This unit carries a profile for every patient."));
        }
    }

    /// <summary>Sends the 64 partition payloads at once and waits for every partition; returns how many patients applied the unit.</summary>
    public async Task<int> SendAsync(IGrainFactory grains) =>
        (await Task.WhenAll(Units().Select(u => grains.GetGrain<IPartitionBuild>(u.Partition).ApplyUnitAsync(u.Unit).AsTask()))).Sum();

    /// <summary>
    /// Sends the payloads as a monthly update: each patient applies, commits and re-derives <paramref name="years"/> in
    /// one call (<see cref="IPartitionBuild.ApplyAndSettleAsync"/>); returns the partitions' settlements summed.
    /// </summary>
    public async Task<PartitionSettlement> SendSettledAsync(IGrainFactory grains, int[] years) =>
        (await Task.WhenAll(Units().Select(u => grains.GetGrain<IPartitionBuild>(u.Partition).ApplyAndSettleAsync(u.Unit, years).AsTask())))
            .Aggregate(new PartitionSettlement(0, 0), PartitionSettlement.Add);

    private IEnumerable<(int Partition, PartitionUnit Unit)> Units()
    {
        for (var p = 0; p < Partitions.Count; p++)
        {
            if (_patients[p].Count > 0)
            {
                yield return (p, new PartitionUnit(unitId, [.. _patients[p]], [.. _packs[p]], _profiles is null ? null : [.. _profiles[p]],
                    _declared[p] ? [.. _declarations[p]] : null));
            }
        }
    }

    private static List<T>[] NewLists<T>()
    {
        var lists = new List<T>[Partitions.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        return lists;
    }
}
