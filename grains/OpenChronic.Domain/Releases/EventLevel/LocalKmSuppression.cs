using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Local suppression for k^m-anonymity (the "local" recoding of <see cref="EventReleasePolicy.Recoding"/>): instead of
/// removing an item from every person once some combination holding it is rare (the global suppression of
/// <see cref="KmAnonymizer"/>), the rarest item of a combination of up to m items held by fewer than k persons is
/// removed from those persons only; a single item held by fewer than k persons is removed from all its holders. Removing
/// occurrences can only lower supports, so the passes repeat until no combination of up to m items is held by 1 to
/// k − 1 persons: the result is k^m-anonymous, with far fewer items removed when the rare combinations are few per item.
/// </summary>
public static class LocalKmSuppression
{
    /// <summary>
    /// Removes occurrences from <paramref name="sets"/> (each a sorted array of distinct item ids, replaced in place)
    /// until every combination of up to <paramref name="m"/> items is held by at least <paramref name="k"/> sets or
    /// none; the number of occurrences removed.
    /// </summary>
    public static int Suppress(int[][] sets, int k, int m)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, Itemset.MaxSize);
        var removed = 0;
        Span<int> buffer = stackalloc int[Itemset.MaxSize];
        bool changed;
        do
        {
            changed = false;
            for (var size = 1; size <= m; size++)
            {
                var singles = KmAnonymizer.Supports(sets, 1);
                var supports = size == 1 ? singles : KmAnonymizer.Supports(sets, size);
                var violating = supports.Where(p => p.Value < k).Select(p => p.Key).ToHashSet();
                if (violating.Count == 0)
                {
                    continue;
                }

                // the rarest item (then the smallest id) of each violating combination, dropped from its holders only
                var drop = violating.ToDictionary(v => v, v => KmAnonymizer.Rarest(v, singles));
                for (var s = 0; s < sets.Length; s++)
                {
                    if (sets[s].Length < size)
                    {
                        continue;
                    }

                    var remove = new HashSet<int>();
                    Itemset.ForEachCombination(sets[s], size, buffer, itemset =>
                    {
                        if (drop.TryGetValue(itemset, out var item))
                        {
                            remove.Add(item);
                        }
                    });
                    if (remove.Count > 0)
                    {
                        removed += remove.Count;
                        sets[s] = [.. sets[s].Where(i => !remove.Contains(i))];
                        changed = true;
                    }
                }
            }
        }
        while (changed);

        return removed;
    }
}
