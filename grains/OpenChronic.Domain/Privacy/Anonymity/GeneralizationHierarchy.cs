using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// A generalization hierarchy of one quasi-identifier: level 0 holds the original values (leaves), each
/// higher level a coarser value (an age band, a département, an ICD-10 chapter), the last level usually
/// <c>*</c>. Every value of a level has exactly one parent on the next level, so a leaf generalizes to one
/// value per level. Values of a level are dense integer codes 0..<see cref="Cardinality"/>-1 in first-seen
/// order; leaf order is the order the leaves were given in (Mondrian uses it as the value order).
/// </summary>
public sealed class GeneralizationHierarchy
{
    private readonly string[][] _labels;
    private readonly int[][] _maps;
    private readonly int[][] _leafCounts;
    private readonly FrozenDictionary<string, int> _leafIndex;

    private GeneralizationHierarchy(string[][] labels, int[][] maps)
    {
        _labels = labels;
        _maps = maps;
        _leafCounts = new int[labels.Length][];
        for (var level = 0; level < labels.Length; level++)
        {
            var counts = new int[labels[level].Length];
            foreach (var code in maps[level])
            {
                counts[code]++;
            }

            _leafCounts[level] = counts;
        }

        var index = new Dictionary<string, int>(labels[0].Length, StringComparer.Ordinal);
        for (var i = 0; i < labels[0].Length; i++)
        {
            index[labels[0][i]] = i;
        }

        _leafIndex = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Number of levels, level 0 (the original values) included.</summary>
    public int Levels => _labels.Length;

    /// <summary>The highest level (<see cref="Levels"/> - 1).</summary>
    public int MaxLevel => _labels.Length - 1;

    /// <summary>Number of original values.</summary>
    public int LeafCount => _labels[0].Length;

    /// <summary>Number of distinct values at <paramref name="level"/>.</summary>
    public int Cardinality(int level) => _labels[level].Length;

    /// <summary>The text of value <paramref name="code"/> at <paramref name="level"/>.</summary>
    public string Label(int level, int code) => _labels[level][code];

    /// <summary>The leaf code of an original value, or false when the value is not in the hierarchy.</summary>
    public bool TryGetLeaf(string value, out int leaf)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _leafIndex.TryGetValue(value, out leaf);
    }

    /// <summary>Leaf code to code at <paramref name="level"/>, for every leaf.</summary>
    public ReadOnlySpan<int> LevelMap(int level) => _maps[level];

    /// <summary>Code at <paramref name="level"/> of leaf <paramref name="leaf"/>.</summary>
    public int Generalize(int leaf, int level) => _maps[level][leaf];

    /// <summary>The generalization of an original value at a level, or null when the value is unknown.</summary>
    public string? Generalize(string value, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);
        return TryGetLeaf(value, out var leaf) ? _labels[level][_maps[level][leaf]] : null;
    }

    /// <summary>Number of original values covered by value <paramref name="code"/> of <paramref name="level"/>.</summary>
    public int LeavesUnder(int level, int code) => _leafCounts[level][code];

    /// <summary>Code at level <paramref name="to"/> of each code of level <paramref name="from"/> (from ≤ to).</summary>
    public int[] MapBetween(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var result = new int[Cardinality(from)];
        var fromMap = _maps[from];
        var toMap = _maps[to];
        for (var leaf = 0; leaf < fromMap.Length; leaf++)
        {
            result[fromMap[leaf]] = toMap[leaf];
        }

        return result;
    }

    /// <summary>
    /// Builds a hierarchy from one row per original value (column i = level i). Rows must all have the same
    /// number of levels and be consistent (one parent per value). Returns the problems found instead of throwing.
    /// </summary>
    public static HierarchyParseResult FromRows(IReadOnlyList<IReadOnlyList<string>> rows, string source = "hierarchy")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var errors = ImmutableArray.CreateBuilder<HierarchyError>();
        if (rows.Count == 0)
        {
            errors.Add(new HierarchyError(source, 0, 0, "the hierarchy has no row"));
            return new HierarchyParseResult(null, errors.ToImmutable());
        }

        var levels = rows[0].Count;
        if (levels == 0)
        {
            errors.Add(new HierarchyError(source, 1, 0, "the first row has no value"));
            return new HierarchyParseResult(null, errors.ToImmutable());
        }

        var labels = new List<string>[levels];
        var codes = new Dictionary<string, int>[levels];
        var parents = new List<int>[levels];
        for (var l = 0; l < levels; l++)
        {
            labels[l] = [];
            codes[l] = new Dictionary<string, int>(StringComparer.Ordinal);
            parents[l] = [];
        }

        var maps = new List<int>[levels];
        for (var l = 0; l < levels; l++)
        {
            maps[l] = [];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.Count != levels)
            {
                errors.Add(new HierarchyError(source, r + 1, 0, $"{row.Count} levels where the first row has {levels}"));
                continue;
            }

            if (codes[0].ContainsKey(row[0]))
            {
                errors.Add(new HierarchyError(source, r + 1, 1, $"value '{row[0]}' appears twice"));
                continue;
            }

            if (!RowIsConsistent(row, codes, parents, labels, source, r, errors))
            {
                continue;
            }

            var child = -1;
            for (var l = 0; l < levels; l++)
            {
                if (!codes[l].TryGetValue(row[l], out var code))
                {
                    code = labels[l].Count;
                    codes[l].Add(row[l], code);
                    labels[l].Add(row[l]);
                    parents[l].Add(-1);
                }

                if (l > 0)
                {
                    parents[l - 1][child] = code;
                }

                maps[l].Add(code);
                child = code;
            }
        }

        if (errors.Count > 0)
        {
            return new HierarchyParseResult(null, errors.ToImmutable());
        }

        var hierarchy = new GeneralizationHierarchy(
            labels.Select(l => l.ToArray()).ToArray(),
            maps.Select(m => m.ToArray()).ToArray());
        return new HierarchyParseResult(hierarchy, []);
    }

    /// <summary>Builds a hierarchy from consistent rows; throws <see cref="ArgumentException"/> when they are not.</summary>
    public static GeneralizationHierarchy Create(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var result = FromRows(rows);
        if (result.Hierarchy is null)
        {
            throw new ArgumentException(string.Join("; ", result.Errors.Take(5)), nameof(rows));
        }

        return result.Hierarchy;
    }

    /// <summary>
    /// Reads an ARX-style hierarchy file: no header, <paramref name="separator"/>-separated, one row per original
    /// value, column i = level i.
    /// </summary>
    public static HierarchyParseResult Parse(Stream csv, string source, char separator = ';')
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StreamReader(csv, System.Text.Encoding.UTF8);
        var rows = new List<IReadOnlyList<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            rows.Add(line.Split(separator));
        }

        return FromRows(rows, source);
    }

    private static bool RowIsConsistent(IReadOnlyList<string> row, Dictionary<string, int>[] codes, List<int>[] parents,
        List<string>[] labels, string source, int r, ImmutableArray<HierarchyError>.Builder errors)
    {
        // a value already seen at level l must generalize to the same parent as before
        for (var l = 1; l < row.Count - 1; l++)
        {
            if (codes[l].TryGetValue(row[l], out var code) && parents[l][code] is var parent && parent >= 0 &&
                !string.Equals(labels[l + 1][parent], row[l + 1], StringComparison.Ordinal))
            {
                errors.Add(new HierarchyError(source, r + 1, l + 2,
                    $"'{row[l]}' generalizes to '{row[l + 1]}' here but to '{labels[l + 1][parent]}' before"));
                return false;
            }
        }

        return true;
    }
}
