namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Computes the equivalence classes of a full-domain recoding, either from the encoded rows or (rollup) from the
/// classes of a node below it: each entry's generalized codes are combined into one 64-bit mixed-radix key
/// (densified when the radix product would overflow), then keys get dense ids through a direct array when the
/// key space is small or a reusable hash map otherwise. No strings, no per-row allocation.
/// </summary>
internal sealed class Groupifier
{
    private const long DirectLimit = 1 << 22;

    private readonly QuasiIdentifierTable _table;
    private readonly GeneralizationHierarchy[] _hierarchies;
    private readonly int[][][][] _between;
    private readonly int[]? _sensitive;
    private readonly int _sensitiveCardinality;
    private readonly int[] _bottom;
    private readonly LongIntMap _map = new();
    private long[] _keys = [];
    private int[] _ids = [];
    private int[] _direct = [];

    public Groupifier(QuasiIdentifierTable table, bool withSensitive)
    {
        _table = table;
        _hierarchies = [.. table.Columns.Select(c => c.Hierarchy)];
        _between = new int[_hierarchies.Length][][][];
        for (var c = 0; c < _hierarchies.Length; c++)
        {
            var h = _hierarchies[c];
            _between[c] = new int[h.Levels][][];
            for (var from = 0; from < h.Levels; from++)
            {
                _between[c][from] = new int[h.Levels][];
                for (var to = from; to < h.Levels; to++)
                {
                    _between[c][from][to] = h.MapBetween(from, to);
                }
            }
        }

        _sensitive = withSensitive ? table.SensitiveArray : null;
        _sensitiveCardinality = withSensitive ? Math.Max(1, table.SensitiveValues.Length) : 1;
        _bottom = new int[_hierarchies.Length];
    }

    /// <summary>The classes of the recoding <paramref name="levels"/>, rolled up from <paramref name="source"/> (null: the rows).</summary>
    public ClassTable Group(int[] levels, ClassTable? source) => Group(levels, source, int.MaxValue)!;

    /// <summary>
    /// As <see cref="Group(int[], ClassTable?)"/>, but gives up (null) as soon as more than
    /// <paramref name="maxEntries"/> distinct entries appear.
    /// </summary>
    public ClassTable? Group(int[] levels, ClassTable? source, int maxEntries)
    {
        var m = source?.Count ?? _table.RowCount;
        var sourceCodes = source?.Codes ?? _table.CodeArrays;
        var sourceLevels = source?.Levels ?? _bottom;
        var sourceSensitive = source is null ? _sensitive : source.Sensitive;
        EnsureCapacity(m);
        var keys = _keys;
        long product = 1;
        for (var c = 0; c < levels.Length; c++)
        {
            long cardinality = _hierarchies[c].Cardinality(levels[c]);
            if (product > long.MaxValue / cardinality)
            {
                product = Densify(m);
            }

            Combine(keys, m, sourceCodes[c], _between[c][sourceLevels[c]][levels[c]], cardinality, c == 0);
            product *= cardinality;
        }

        if (sourceSensitive is not null)
        {
            if (product > long.MaxValue / _sensitiveCardinality)
            {
                product = Densify(m);
            }

            unchecked
            {
                for (var i = 0; i < m; i++)
                {
                    keys[i] = keys[i] * _sensitiveCardinality + sourceSensitive[i];
                }
            }

            product *= _sensitiveCardinality;
        }

        var count = AssignIds(m, product, maxEntries);
        return count < 0 ? null : Build(levels, source, m, count, sourceCodes, sourceLevels, sourceSensitive);
    }

    /// <summary>Groups the rows at <paramref name="levels"/> and also returns each row's entry in the table.</summary>
    public (ClassTable Table, int[] RowEntry) GroupRows(int[] levels)
    {
        var table = Group(levels, null);
        return (table, _ids.AsSpan(0, _table.RowCount).ToArray());
    }

    private static void Combine(long[] keys, int m, int[] codes, int[] map, long cardinality, bool first)
    {
        var k = keys.AsSpan(0, m);
        var source = codes.AsSpan(0, m);
        if (first)
        {
            for (var i = 0; i < k.Length; i++)
            {
                k[i] = map[source[i]];
            }

            return;
        }

        unchecked
        {
            for (var i = 0; i < k.Length; i++)
            {
                k[i] = (k[i] * cardinality) + map[source[i]];
            }
        }
    }

    private long Densify(int m)
    {
        _map.Reset(m);
        var keys = _keys;
        for (var i = 0; i < m; i++)
        {
            keys[i] = _map.GetOrAdd(keys[i]);
        }

        return _map.Count;
    }

    private int AssignIds(int m, long product, int maxEntries)
    {
        var keys = _keys;
        var ids = _ids;
        if (product <= DirectLimit)
        {
            if (_direct.Length < product)
            {
                _direct = new int[(int)Math.Min(DirectLimit, Math.Max(1024L, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)product)))];
                Array.Fill(_direct, -1);
            }

            var direct = _direct;
            var count = 0;
            for (var i = 0; i < m; i++)
            {
                var slot = (int)keys[i];
                var id = direct[slot];
                if (id < 0)
                {
                    id = count++;
                    direct[slot] = id;
                    if (count > maxEntries)
                    {
                        ResetDirect(direct, keys, i + 1);
                        return -1;
                    }
                }

                ids[i] = id;
            }

            ResetDirect(direct, keys, m);
            return count;
        }

        _map.Reset((int)Math.Min(m, Math.Min(product, maxEntries + 1L)));
        for (var i = 0; i < m; i++)
        {
            ids[i] = _map.GetOrAdd(keys[i]);
            if (_map.Count > maxEntries)
            {
                return -1;
            }
        }

        return _map.Count;
    }

    // resets the touched slots for the next grouping
    private static void ResetDirect(int[] direct, long[] keys, int touched)
    {
        for (var i = 0; i < touched; i++)
        {
            direct[(int)keys[i]] = -1;
        }
    }

    private ClassTable Build(int[] levels, ClassTable? source, int m, int count, int[][] sourceCodes, int[] sourceLevels, int[]? sourceSensitive)
    {
        var ids = _ids;
        var first = new int[count];
        Array.Fill(first, -1);
        var sizes = new int[count];
        var sourceSizes = source?.Sizes;
        for (var i = 0; i < m; i++)
        {
            var id = ids[i];
            if (first[id] < 0)
            {
                first[id] = i;
            }

            sizes[id] += sourceSizes is null ? 1 : sourceSizes[i];
        }

        var codes = new int[levels.Length][];
        for (var c = 0; c < levels.Length; c++)
        {
            var map = _between[c][sourceLevels[c]][levels[c]];
            var src = sourceCodes[c];
            var dst = new int[count];
            for (var id = 0; id < count; id++)
            {
                dst[id] = map[src[first[id]]];
            }

            codes[c] = dst;
        }

        if (sourceSensitive is null)
        {
            return new ClassTable([.. levels], count, codes, sizes, null, null, count);
        }

        // an entry is a (class, sensitive value) cell: its class is its key without the sensitive digit
        var sensitive = new int[count];
        var classOf = new int[count];
        _map.Reset(count);
        for (var id = 0; id < count; id++)
        {
            sensitive[id] = sourceSensitive[first[id]];
            classOf[id] = _map.GetOrAdd(_keys[first[id]] / _sensitiveCardinality);
        }

        return new ClassTable([.. levels], count, codes, sizes, sensitive, classOf, _map.Count);
    }

    private void EnsureCapacity(int m)
    {
        if (_keys.Length < m)
        {
            _keys = new long[m];
            _ids = new int[m];
        }
    }
}
