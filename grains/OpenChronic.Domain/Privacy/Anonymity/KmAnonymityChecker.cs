namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Verifies k^m-anonymity of published sets from their text alone: every combination of up to m distinct items
/// that occurs in some person's set must occur in at least k persons' sets. Independent of the anonymizer's code.
/// </summary>
public static class KmAnonymityChecker
{
    public static IReadOnlyList<KmViolation> Check<TSet>(IReadOnlyList<TSet> sets, int k, int m)
        where TSet : IEnumerable<string>
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        var supports = new Dictionary<string, (string[] Items, int Support)>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var items = set.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            for (var size = 1; size <= Math.Min(m, items.Length); size++)
            {
                foreach (var combination in Combinations(items, size, 0))
                {
                    var key = string.Join('\u001f', combination);
                    supports[key] = supports.TryGetValue(key, out var s) ? (s.Items, s.Support + 1) : (combination, 1);
                }
            }
        }

        return [.. supports.Values.Where(s => s.Support < k).OrderBy(s => string.Join(",", s.Items), StringComparer.Ordinal)
            .Select(s => new KmViolation(s.Items, s.Support))];
    }

    private static IEnumerable<string[]> Combinations(string[] items, int size, int start)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= items.Length - size; i++)
        {
            foreach (var rest in Combinations(items, size - 1, i + 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
