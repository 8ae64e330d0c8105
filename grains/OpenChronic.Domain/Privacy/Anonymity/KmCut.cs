using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// A global cut of an item hierarchy: each leaf is represented by one ancestor (a node id = level offset + code),
/// generalizing a node replaces its whole parent subtree by the parent, and suppressed leaves are dropped for good.
/// </summary>
internal sealed class KmCut
{
    private readonly GeneralizationHierarchy _hierarchy;
    private readonly int[] _offsets;
    private readonly int[] _leafLevel;
    private readonly bool[] _suppressed;

    public KmCut(GeneralizationHierarchy hierarchy)
    {
        _hierarchy = hierarchy;
        _offsets = new int[hierarchy.Levels];
        for (var l = 1; l < hierarchy.Levels; l++)
        {
            _offsets[l] = _offsets[l - 1] + hierarchy.Cardinality(l - 1);
        }

        _leafLevel = new int[hierarchy.LeafCount];
        _suppressed = new bool[hierarchy.LeafCount];
    }

    public int LevelOf(int node)
    {
        var level = 0;
        while (level + 1 < _offsets.Length && node >= _offsets[level + 1])
        {
            level++;
        }

        return level;
    }

    private int Node(int leaf) => _offsets[_leafLevel[leaf]] + _hierarchy.Generalize(leaf, _leafLevel[leaf]);

    /// <summary>Each set under the cut: distinct, sorted node ids, suppressed ones removed.</summary>
    public int[][] Apply(int[][] leaves)
    {
        var result = new int[leaves.Length][];
        var buffer = new List<int>();
        for (var s = 0; s < leaves.Length; s++)
        {
            buffer.Clear();
            foreach (var leaf in leaves[s])
            {
                if (!_suppressed[leaf])
                {
                    buffer.Add(Node(leaf));
                }
            }

            buffer.Sort();
            result[s] = [.. buffer.Distinct()];
        }

        return result;
    }

    public void GeneralizeToParent(int node)
    {
        var level = LevelOf(node);
        var code = node - _offsets[level];
        var parent = _hierarchy.MapBetween(level, level + 1)[code];
        for (var leaf = 0; leaf < _leafLevel.Length; leaf++)
        {
            if (_hierarchy.Generalize(leaf, level + 1) == parent && _leafLevel[leaf] <= level)
            {
                _leafLevel[leaf] = level + 1;
            }
        }
    }

    /// <summary>Removes, from every set, the leaves the cut currently represents by <paramref name="node"/> (for good).</summary>
    public void Suppress(int node)
    {
        for (var leaf = 0; leaf < _leafLevel.Length; leaf++)
        {
            if (Node(leaf) == node)
            {
                _suppressed[leaf] = true;
            }
        }
    }

    /// <summary>
    /// The result under the cut; with <paramref name="local"/> (the cut's sets after local suppression, node ids), an
    /// occurrence whose node its set no longer holds counts as suppressed.
    /// </summary>
    public KmResult Result(int[][] leaves, int rounds, ImmutableArray<RejectedItem> rejects, int[][]? local = null)
    {
        var generalization = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        for (var leaf = 0; leaf < _leafLevel.Length; leaf++)
        {
            var node = Node(leaf);
            generalization[_hierarchy.Label(0, leaf)] = _suppressed[leaf]
                ? null
                : _hierarchy.Label(_leafLevel[leaf], node - _offsets[_leafLevel[leaf]]);
        }

        var sets = ImmutableArray.CreateBuilder<ImmutableArray<string>>(leaves.Length);
        var applied = local ?? Apply(leaves);
        foreach (var set in applied)
        {
            sets.Add([.. set.Select(n => _hierarchy.Label(LevelOf(n), n - _offsets[LevelOf(n)]))]);
        }

        double loss = 0;
        var occurrences = 0;
        var suppressed = 0;
        var leafCount = _hierarchy.LeafCount;
        for (var s = 0; s < leaves.Length; s++)
        {
            foreach (var leaf in leaves[s])
            {
                occurrences++;
                var node = Node(leaf);
                if (_suppressed[leaf] || (local is not null && Array.BinarySearch(local[s], node) < 0))
                {
                    suppressed++;
                    loss += 1;
                }
                else if (leafCount > 1)
                {
                    loss += (double)(_hierarchy.LeavesUnder(_leafLevel[leaf], node - _offsets[_leafLevel[leaf]]) - 1) / (leafCount - 1);
                }
            }
        }

        return new KmResult(sets.MoveToImmutable(), generalization.ToImmutable(), suppressed, occurrences == 0 ? 0 : loss / occurrences, rounds, rejects);
    }
}
