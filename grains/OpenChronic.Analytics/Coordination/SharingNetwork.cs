using System.Runtime.InteropServices;

namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// Partial patient-sharing network of one territory, mergeable: provider nodes (keyed by pseudonymous 64-bit keys,
/// never published) and, for each pair of providers, the number of patients both served. Each patient adds one to
/// every pair of its distinct providers (Pollack's unweighted sharing).
/// </summary>
public sealed class SharingNetwork
{
    private readonly Dictionary<ulong, ProviderKind> _nodes = [];
    private readonly Dictionary<(ulong, ulong), long> _pairs = [];

    /// <summary>Patients added.</summary>
    public long Persons { get; private set; }

    /// <summary>Provider nodes.</summary>
    public IReadOnlyDictionary<ulong, ProviderKind> Nodes => _nodes;

    /// <summary>Pairs (smaller key first) and their shared patients.</summary>
    public IReadOnlyDictionary<(ulong, ulong), long> Pairs => _pairs;

    /// <summary>Adds one patient's providers (duplicates are ignored).</summary>
    public void AddPatient(ReadOnlySpan<(ulong Key, ProviderKind Kind)> providers)
    {
        var keys = new List<ulong>(providers.Length);
        foreach (var (key, kind) in providers)
        {
            _nodes.TryAdd(key, kind);
            if (!keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        keys.Sort();
        for (var j = 0; j < keys.Count; j++)
        {
            for (var k = j + 1; k < keys.Count; k++)
            {
                ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, (keys[j], keys[k]), out _);
                w++;
            }
        }

        Persons++;
    }

    /// <summary>Adds a node and pair counts (from the wire or another partition).</summary>
    public void Add(ReadOnlySpan<ulong> nodeKeys, ReadOnlySpan<byte> nodeKinds, ReadOnlySpan<ulong> from, ReadOnlySpan<ulong> to, ReadOnlySpan<long> weights, long persons)
    {
        if (nodeKeys.Length != nodeKinds.Length || from.Length != to.Length || from.Length != weights.Length)
        {
            throw new ArgumentException("Node and edge arrays must have matching lengths.");
        }

        for (var i = 0; i < nodeKeys.Length; i++)
        {
            _nodes.TryAdd(nodeKeys[i], (ProviderKind)nodeKinds[i]);
        }

        for (var i = 0; i < from.Length; i++)
        {
            var pair = from[i] < to[i] ? (from[i], to[i]) : (to[i], from[i]);
            ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, pair, out _);
            w += weights[i];
        }

        Persons += persons;
    }

    /// <summary>Adds another partial network into this one.</summary>
    public void Merge(SharingNetwork other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, kind) in other._nodes)
        {
            _nodes.TryAdd(key, kind);
        }

        foreach (var (pair, weight) in other._pairs)
        {
            ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairs, pair, out _);
            w += weight;
        }

        Persons += other.Persons;
    }

    /// <summary>Patients shared by two providers (0 when none).</summary>
    public long Shared(ulong a, ulong b) => _pairs.GetValueOrDefault(a < b ? (a, b) : (b, a));

    /// <summary>Care density of a patient with these providers (NaN below two distinct providers).</summary>
    public double CareDensityOf(ReadOnlySpan<ulong> providers)
    {
        var ids = new List<string>(providers.Length);
        foreach (var p in providers)
        {
            ids.Add(PatientContinuity.ProviderId(p));
        }

        return CareDensity.Compute(ids, (a, b) => Shared(Parse(a), Parse(b)));
    }

    /// <summary>Network measures of the graph whose edges have at least <paramref name="threshold"/> shared patients.</summary>
    public NetworkMeasures Measures(long threshold)
    {
        var nodes = _nodes.ToDictionary(n => PatientContinuity.ProviderId(n.Key), n => n.Value, StringComparer.Ordinal);
        var edges = _pairs.Select(p => new SharingEdge(PatientContinuity.ProviderId(p.Key.Item1), PatientContinuity.ProviderId(p.Key.Item2), p.Value));
        return new NetworkMeasures(nodes, edges, threshold);
    }

    /// <summary>Summary and GP centrality of the thresholded network.</summary>
    public NetworkReport Report(long threshold)
    {
        var measures = Measures(threshold);
        var summary = measures.Summary();
        var all = new List<NodeCentrality>();
        foreach (var kind in Enum.GetValues<ProviderKind>())
        {
            all.AddRange(measures.Centrality(kind));
        }

        var gps = all.Where(c => c.Kind == ProviderKind.GeneralPractitioner).ToArray();
        var meanBetweenness = all.Count == 0 ? double.NaN : all.Average(c => c.Betweenness);
        var gpBetweenness = gps.Length == 0 ? double.NaN : gps.Average(c => c.Betweenness);
        return new NetworkReport(
            summary,
            Persons,
            gps.Length,
            all.Count(c => c.Kind == ProviderKind.Specialist),
            all.Count(c => c.Kind == ProviderKind.Hospital),
            gps.Length == 0 ? double.NaN : gps.Average(c => c.Degree),
            gpBetweenness,
            meanBetweenness > 0 ? gpBetweenness / meanBetweenness : double.NaN);
    }

    private static ulong Parse(string id) => ulong.Parse(id, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
}
