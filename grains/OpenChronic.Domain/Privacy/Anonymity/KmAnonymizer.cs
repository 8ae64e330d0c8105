using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// k^m-anonymity for set-valued data (each person's set of event codes; Terrovitis, Mamoulis &amp; Kalnis, VLDB 2008):
/// an attacker who knows up to m of a person's codes must find at least k persons with them. Apriori-style global
/// generalization: for i = 1..m, count the supports (in persons) of all i-item combinations under the current
/// cut of the hierarchy; while some combination has support &lt; k, take in each such combination its rarest item and
/// generalize it, with all its siblings, to its parent (a global cut, so supports only grow), or, once the item is
/// at <c>maxLevel</c>, suppress it from every set. Combinations of fewer items stay supported, because
/// generalizing and global suppression never lower the support of a combination that remains. With
/// <c>localSuppression</c>, an item at <c>maxLevel</c> is not suppressed from every set: once no generalization is
/// left to do, the remaining rare combinations are removed from the sets holding them only
/// (<c>LocalKmSuppression</c>, rarest item first).
/// </summary>
public static class KmAnonymizer
{
    public static KmResult Anonymize<TSet>(IReadOnlyList<TSet> sets, GeneralizationHierarchy hierarchy, int k, int m, int? maxLevel = null, bool localSuppression = false)
        where TSet : IEnumerable<string>
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, Itemset.MaxSize);
        var top = maxLevel ?? hierarchy.MaxLevel;
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, hierarchy.MaxLevel);

        var rejects = ImmutableArray.CreateBuilder<RejectedItem>();
        var leaves = new int[sets.Count][];
        for (var s = 0; s < sets.Count; s++)
        {
            var codes = new List<int>();
            foreach (var item in sets[s])
            {
                if (hierarchy.TryGetLeaf(item, out var leaf))
                {
                    codes.Add(leaf);
                }
                else
                {
                    rejects.Add(new RejectedItem(s, item, "not in the hierarchy"));
                }
            }

            leaves[s] = [.. codes.Distinct()];
        }

        var cut = new KmCut(hierarchy);
        var rounds = 0;
        bool changed;
        do
        {
            // one more pass over all sizes after any change, so the result is verified k^m-anonymous as a whole
            changed = false;
            for (var size = 1; size <= m; size++)
            {
                while (Round(cut, leaves, k, size, top, localSuppression))
                {
                    rounds++;
                    changed = true;
                }
            }
        }
        while (changed);

        if (!localSuppression)
        {
            return cut.Result(leaves, rounds, rejects.ToImmutable());
        }

        var local = cut.Apply(leaves);
        var removed = Releases.EventLevel.LocalKmSuppression.Suppress(local, k, m);
        return removed == 0 ? cut.Result(leaves, rounds, rejects.ToImmutable()) : cut.Result(leaves, rounds, rejects.ToImmutable(), local);
    }

    // generalizes (or suppresses at the top level) the rarest item of every combination of `size` items with
    // support < k; false when there was none
    private static bool Round(KmCut cut, int[][] leaves, int k, int size, int top, bool local)
    {
        var generalized = cut.Apply(leaves);
        var singles = Supports(generalized, 1);
        var violating = Supports(generalized, size).Where(p => p.Value < k).Select(p => p.Key).ToList();
        if (violating.Count == 0)
        {
            return false;
        }

        var picks = new HashSet<int>();
        foreach (var itemset in violating)
        {
            picks.Add(Rarest(itemset, singles));
        }

        var progress = false;
        foreach (var item in picks.Order())
        {
            if (cut.LevelOf(item) < top)
            {
                cut.GeneralizeToParent(item);
                progress = true;
            }
            else if (!local)
            {
                cut.Suppress(item);
                progress = true;
            }
        }

        return progress;
    }

    internal static Dictionary<Itemset, int> Supports(int[][] sets, int size)
    {
        var supports = new Dictionary<Itemset, int>();
        Span<int> buffer = stackalloc int[Itemset.MaxSize];
        foreach (var set in sets)
        {
            if (set.Length >= size)
            {
                Itemset.ForEachCombination(set, size, buffer, itemset =>
                    supports[itemset] = supports.GetValueOrDefault(itemset) + 1);
            }
        }

        return supports;
    }

    /// <summary>The item of a violating itemset with the smallest support on its own (ties: the smallest item), the one to suppress.</summary>
    internal static int Rarest(Itemset itemset, IReadOnlyDictionary<Itemset, int> singles)
    {
        var rarest = itemset.A;
        for (var i = 1; i < itemset.Size; i++)
        {
            var item = itemset[i];
            var support = singles[new Itemset(item, -1, -1, -1)];
            var best = singles[new Itemset(rarest, -1, -1, -1)];
            if (support < best || (support == best && item < rarest))
            {
                rarest = item;
            }
        }

        return rarest;
    }
}
