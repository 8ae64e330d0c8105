using System.Collections.Immutable;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Grains;

namespace OpenChronic.Client.Commands;

/// <summary>A territory's merged coordination measures: the tally and the patient-sharing network.</summary>
internal sealed record CoordinationTerritory(CoordinationTally Tally, SharingNetwork Network);

/// <summary>Asks the 64 partitions for a coordination query and merges their per-territory partial results.</summary>
internal static class CoordinationGridQuery
{
    /// <summary>
    /// Runs the query (and, when asked, the care-density pass against the merged networks); territories in code order.
    /// <paramref name="stage"/>, when given, receives the seconds of each pass: "measures" (patients and partitions),
    /// "merge" (the client's merge of the 64 partial results), "care density" (second pass and merge).
    /// </summary>
    public static async Task<SortedDictionary<string, CoordinationTerritory>> RunAsync(
        IGrainFactory grains, CoordinationQuery query, bool careDensity, CancellationToken cancellationToken, Action<string, double>? stage = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var partials = await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => grains.GetGrain<IPartitionCoordination>(p).CoordinateAsync(query).AsTask()));
        stage?.Invoke("measures", clock.Elapsed.TotalSeconds);
        clock.Restart();
        var territories = new SortedDictionary<string, CoordinationTerritory>(StringComparer.Ordinal);
        foreach (var part in partials)
        {
            foreach (var t in part)
            {
                var merged = Get(territories, t.Territory);
                merged.Tally.Merge(CoordinationTally.FromVectors(t.Counts.AsSpan(), t.Sums.AsSpan()));
                merged.Network.Add(t.NodeKeys.AsSpan(), t.NodeKinds.AsSpan(), t.EdgeFrom.AsSpan(), t.EdgeTo.AsSpan(), t.EdgeWeights.AsSpan(), t.NetworkPersons);
            }
        }

        stage?.Invoke("merge", clock.Elapsed.TotalSeconds);
        clock.Restart();
        cancellationToken.ThrowIfCancellationRequested();
        if (!careDensity)
        {
            return territories;
        }

        ImmutableArray<TerritoryCoordination> networks = [.. territories.Select(t => Wire(t.Key, t.Value.Network))];
        var densities = await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => grains.GetGrain<IPartitionCoordination>(p).CareDensityAsync(query, networks).AsTask()));
        foreach (var part in densities)
        {
            foreach (var t in part)
            {
                Get(territories, t.Territory).Tally.Merge(CoordinationTally.FromVectors(t.Counts.AsSpan(), t.Sums.AsSpan()));
            }
        }

        stage?.Invoke("care density", clock.Elapsed.TotalSeconds);
        return territories;
    }

    /// <summary>The sum of the territories' tallies (the national row).</summary>
    public static CoordinationTally National(IEnumerable<CoordinationTerritory> territories)
    {
        var all = new CoordinationTally();
        foreach (var t in territories)
        {
            all.Merge(t.Tally);
        }

        return all;
    }

    private static CoordinationTerritory Get(SortedDictionary<string, CoordinationTerritory> territories, string territory)
    {
        if (!territories.TryGetValue(territory, out var merged))
        {
            merged = new CoordinationTerritory(new CoordinationTally(), new SharingNetwork());
            territories[territory] = merged;
        }

        return merged;
    }

    private static TerritoryCoordination Wire(string territory, SharingNetwork network)
    {
        var nodes = network.Nodes.OrderBy(n => n.Key).ToArray();
        var pairs = network.Pairs.OrderBy(p => p.Key).ToArray();
        return new TerritoryCoordination(territory, [], [], [.. nodes.Select(n => n.Key)], [.. nodes.Select(n => (byte)n.Value)],
            [.. pairs.Select(p => p.Key.Item1)], [.. pairs.Select(p => p.Key.Item2)], [.. pairs.Select(p => p.Value)], network.Persons);
    }
}
