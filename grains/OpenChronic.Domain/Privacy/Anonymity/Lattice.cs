using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The generalization lattice of full-domain recodings: a node is one level per quasi-identifier, from the
/// bottom (all original values) to the top (all maximal). A node's successors raise one level by one; its
/// predecessors lower one. Nodes are numbered in mixed radix (first quasi-identifier fastest).
/// </summary>
public sealed class Lattice
{
    /// <summary>Largest lattice handled (node states are kept in arrays).</summary>
    public const int MaxNodes = 1 << 24;

    private readonly int[] _radix;

    public Lattice(IReadOnlyList<int> maxLevels)
    {
        ArgumentNullException.ThrowIfNull(maxLevels);
        ArgumentOutOfRangeException.ThrowIfZero(maxLevels.Count);
        MaxLevels = [.. maxLevels];
        _radix = new int[maxLevels.Count];
        long count = 1;
        for (var d = 0; d < maxLevels.Count; d++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(maxLevels[d]);
            _radix[d] = (int)count;
            count *= maxLevels[d] + 1;
            if (count > MaxNodes)
            {
                throw new ArgumentException($"The lattice has more than {MaxNodes} nodes; use fewer quasi-identifiers or levels.", nameof(maxLevels));
            }
        }

        NodeCount = (int)count;
        MaxHeight = MaxLevels.Sum();
    }

    /// <summary>Highest level of each dimension.</summary>
    public ImmutableArray<int> MaxLevels { get; }

    public int Dimensions => MaxLevels.Length;

    public int NodeCount { get; }

    /// <summary>Height of the top node (sum of the maximal levels).</summary>
    public int MaxHeight { get; }

    public int Top => NodeCount - 1;

    /// <summary>Writes the levels of <paramref name="node"/> into <paramref name="levels"/>.</summary>
    public void Levels(int node, Span<int> levels)
    {
        for (var d = 0; d < MaxLevels.Length; d++)
        {
            levels[d] = node / _radix[d] % (MaxLevels[d] + 1);
        }
    }

    /// <summary>The levels of <paramref name="node"/>.</summary>
    public int[] Levels(int node)
    {
        var levels = new int[MaxLevels.Length];
        Levels(node, levels);
        return levels;
    }

    /// <summary>Level of dimension <paramref name="dimension"/> in <paramref name="node"/>.</summary>
    public int Level(int node, int dimension) => node / _radix[dimension] % (MaxLevels[dimension] + 1);

    /// <summary>The node with these levels.</summary>
    public int Node(ReadOnlySpan<int> levels)
    {
        var node = 0;
        for (var d = 0; d < MaxLevels.Length; d++)
        {
            if ((uint)levels[d] > (uint)MaxLevels[d])
            {
                throw new ArgumentOutOfRangeException(nameof(levels), $"Level {levels[d]} of dimension {d} is outside 0..{MaxLevels[d]}.");
            }

            node += levels[d] * _radix[d];
        }

        return node;
    }

    /// <summary>Sum of the levels (the node's height in the lattice).</summary>
    public int Height(int node)
    {
        var h = 0;
        for (var d = 0; d < MaxLevels.Length; d++)
        {
            h += Level(node, d);
        }

        return h;
    }

    /// <summary>True when <paramref name="lower"/> is at or below <paramref name="upper"/> in every dimension.</summary>
    public bool IsAtOrBelow(int lower, int upper)
    {
        for (var d = 0; d < MaxLevels.Length; d++)
        {
            if (Level(lower, d) > Level(upper, d))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Successor of <paramref name="node"/> raising <paramref name="dimension"/>, or -1 at its top.</summary>
    public int Successor(int node, int dimension) =>
        Level(node, dimension) < MaxLevels[dimension] ? node + _radix[dimension] : -1;

    /// <summary>Predecessor of <paramref name="node"/> lowering <paramref name="dimension"/>, or -1 at level 0.</summary>
    public int Predecessor(int node, int dimension) =>
        Level(node, dimension) > 0 ? node - _radix[dimension] : -1;

    /// <summary>All nodes, grouped by height (bottom first).</summary>
    public int[][] NodesByHeight()
    {
        var counts = new int[MaxHeight + 1];
        for (var n = 0; n < NodeCount; n++)
        {
            counts[Height(n)]++;
        }

        var result = counts.Select(c => new int[c]).ToArray();
        Array.Clear(counts);
        for (var n = 0; n < NodeCount; n++)
        {
            var h = Height(n);
            result[h][counts[h]++] = n;
        }

        return result;
    }
}
