namespace OpenChronic.Analytics.Coordination;

/// <summary>Patient-sharing network of a territory: keeps edges with weight ≥ threshold, then density, degrees and Brandes (2001) betweenness.</summary>
public sealed class NetworkMeasures
{
    private readonly string[] _ids;
    private readonly ProviderKind[] _kinds;
    private readonly List<int>[] _adjacency;
    private readonly int _edges;
    private readonly int _gpHospitalTies;

    /// <summary>Builds the graph over <paramref name="nodes"/>; edges to unknown nodes, self-loops and weights below <paramref name="threshold"/> are dropped; duplicate pairs count once.</summary>
    public NetworkMeasures(IReadOnlyDictionary<string, ProviderKind> nodes, IEnumerable<SharingEdge> edges, long threshold)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        _ids = [.. nodes.Keys.Order(StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            index[_ids[i]] = i;
        }

        _kinds = [.. _ids.Select(id => nodes[id])];
        var sets = _ids.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var edge in edges)
        {
            if (edge.SharedPatients < threshold || !index.TryGetValue(edge.From, out var a) || !index.TryGetValue(edge.To, out var b) || a == b)
            {
                continue;
            }

            sets[a].Add(b);
            sets[b].Add(a);
        }

        _adjacency = [.. sets.Select(s => s.ToList())];
        for (var a = 0; a < _ids.Length; a++)
        {
            foreach (var b in _adjacency[a])
            {
                if (a < b)
                {
                    _edges++;
                    if (IsGpHospital(_kinds[a], _kinds[b]))
                    {
                        _gpHospitalTies++;
                    }
                }
            }
        }
    }

    /// <summary>Density 2E/(V(V−1)) and the degree distribution summary.</summary>
    public NetworkSummary Summary()
    {
        var v = _ids.Length;
        var degrees = _adjacency.Select(a => a.Count).Order().ToArray();
        if (v == 0)
        {
            return new NetworkSummary(0, 0, double.NaN, 0, double.NaN, double.NaN, 0, 0);
        }

        var median = v % 2 == 1 ? degrees[v / 2] : (degrees[(v / 2) - 1] + degrees[v / 2]) / 2.0;
        var density = v >= 2 ? 2.0 * _edges / ((double)v * (v - 1)) : double.NaN;
        return new NetworkSummary(v, _edges, density, degrees[0], median, degrees.Average(), degrees[^1], _gpHospitalTies);
    }

    /// <summary>Degree and betweenness (Brandes, unweighted shortest paths, normalised by (V−1)(V−2)/2) of the nodes of <paramref name="kind"/>.</summary>
    public NodeCentrality[] Centrality(ProviderKind kind)
    {
        var betweenness = Betweenness();
        var v = _ids.Length;
        var norm = v > 2 ? (v - 1) * (v - 2) / 2.0 : 1;
        var result = new List<NodeCentrality>();
        for (var i = 0; i < v; i++)
        {
            if (_kinds[i] == kind)
            {
                result.Add(new NodeCentrality(_ids[i], kind, _adjacency[i].Count, betweenness[i] / norm));
            }
        }

        return [.. result];
    }

    private static bool IsGpHospital(ProviderKind a, ProviderKind b) =>
        (a == ProviderKind.GeneralPractitioner && b == ProviderKind.Hospital) || (a == ProviderKind.Hospital && b == ProviderKind.GeneralPractitioner);

    private double[] Betweenness()
    {
        var v = _ids.Length;
        var cb = new double[v];
        var sigma = new double[v];
        var distance = new int[v];
        var delta = new double[v];
        var predecessors = _ids.Select(_ => new List<int>()).ToArray();
        var stack = new Stack<int>();
        var queue = new Queue<int>();
        for (var s = 0; s < v; s++)
        {
            Array.Clear(sigma);
            Array.Fill(distance, -1);
            Array.Clear(delta);
            foreach (var p in predecessors)
            {
                p.Clear();
            }

            sigma[s] = 1;
            distance[s] = 0;
            queue.Enqueue(s);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                stack.Push(x);
                foreach (var w in _adjacency[x])
                {
                    if (distance[w] < 0)
                    {
                        distance[w] = distance[x] + 1;
                        queue.Enqueue(w);
                    }

                    if (distance[w] == distance[x] + 1)
                    {
                        sigma[w] += sigma[x];
                        predecessors[w].Add(x);
                    }
                }
            }

            while (stack.Count > 0)
            {
                var w = stack.Pop();
                foreach (var x in predecessors[w])
                {
                    delta[x] += sigma[x] / sigma[w] * (1 + delta[w]);
                }

                if (w != s)
                {
                    cb[w] += delta[w];
                }
            }
        }

        for (var i = 0; i < v; i++)
        {
            cb[i] /= 2;
        }

        return cb;
    }
}
