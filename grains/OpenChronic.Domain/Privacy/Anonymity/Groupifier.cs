namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Computes the equivalence classes of a full-domain recoding, either from the encoded rows or (rollup) from the
/// classes of a node below it: each entry's generalized codes are combined into one 64-bit mixed-radix key
/// (densified when the radix product would overflow), then keys get dense ids through a direct array when the
/// key space is small or a reusable hash map otherwise. No strings, no per-row allocation.
/// </summary>
internal sealed partial class Groupifier
{
    private const long DirectLimit = 1 << 24;

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
        var space = KeySpace(levels, sourceSensitive is not null);
        var count = space > 0
            ? GroupChunks(levels, m, sourceCodes, sourceLevels, sourceSensitive, space, maxEntries)
            : GroupWhole(levels, m, sourceCodes, sourceLevels, sourceSensitive, maxEntries);
        return count < 0 ? null : Build(levels, source, m, count, sourceCodes, sourceLevels, sourceSensitive);
    }

    // the number of possible keys, or -1 when it does not fit in a long (then keys are densified column by column)
    private long KeySpace(int[] levels, bool withSensitive)
    {
        long product = 1;
        for (var c = 0; c < levels.Length; c++)
        {
            long cardinality = _hierarchies[c].Cardinality(levels[c]);
            if (product > long.MaxValue / cardinality)
            {
                return -1;
            }

            product *= cardinality;
        }

        return !withSensitive ? product : product > long.MaxValue / _sensitiveCardinality ? -1 : product * _sensitiveCardinality;
    }

    // keys and ids chunk by chunk, so that a grouping that overflows maxEntries stops early
    private int GroupChunks(int[] levels, int m, int[][] sourceCodes, int[] sourceLevels, int[]? sourceSensitive, long space, int maxEntries)
    {
        const int Chunk = 1 << 16;
        var keys = _keys;
        // a direct array only pays when it is not much larger than the entries to group
        var direct = space <= DirectLimit && space <= (16L * m) + 65536;
        if (direct)
        {
            EnsureDirect(space);
        }
        else
        {
            _map.Reset((int)Math.Min(m, Math.Min(space, maxEntries + 1L)));
        }

        var count = 0;
        for (var start = 0; start < m; start += Chunk)
        {
            var length = Math.Min(Chunk, m - start);
            for (var c = 0; c < levels.Length; c++)
            {
                Combine(keys.AsSpan(start, length), sourceCodes[c].AsSpan(start, length),
                    _between[c][sourceLevels[c]][levels[c]], _hierarchies[c].Cardinality(levels[c]), c == 0);
            }

            if (sourceSensitive is not null)
            {
                AddSensitive(keys.AsSpan(start, length), sourceSensitive.AsSpan(start, length));
            }

            count = direct ? AssignDirect(start, start + length, count, maxEntries) : AssignHashed(start, start + length, maxEntries);
            if (count < 0)
            {
                return -1;
            }
        }

        if (direct)
        {
            ResetDirect(_direct, keys, m);
        }

        return count;
    }

    private int GroupWhole(int[] levels, int m, int[][] sourceCodes, int[] sourceLevels, int[]? sourceSensitive, int maxEntries)
    {
        var keys = _keys;
        long product = 1;
        for (var c = 0; c < levels.Length; c++)
        {
            long cardinality = _hierarchies[c].Cardinality(levels[c]);
            if (product > long.MaxValue / cardinality)
            {
                product = Densify(m);
            }

            Combine(keys.AsSpan(0, m), sourceCodes[c].AsSpan(0, m), _between[c][sourceLevels[c]][levels[c]], cardinality, c == 0);
            product *= cardinality;
        }

        if (sourceSensitive is not null)
        {
            if (product > long.MaxValue / _sensitiveCardinality)
            {
                Densify(m);
            }

            AddSensitive(keys.AsSpan(0, m), sourceSensitive.AsSpan(0, m));
        }

        // the densified key space is at most m * sensitive values: hash it
        _map.Reset((int)Math.Min(m, maxEntries + 1L));
        return AssignHashed(0, m, maxEntries);
    }

    private void AddSensitive(Span<long> keys, ReadOnlySpan<int> sensitive)
    {
        unchecked
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (keys[i] * _sensitiveCardinality) + sensitive[i];
            }
        }
    }

    private static void Combine(Span<long> keys, ReadOnlySpan<int> source, int[] map, long cardinality, bool first)
    {
        if (first)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = map[source[i]];
            }

            return;
        }

        unchecked
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (keys[i] * cardinality) + map[source[i]];
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

    private void EnsureDirect(long space)
    {
        if (_direct.Length < space)
        {
            _direct = new int[(int)Math.Min(DirectLimit, Math.Max(1024L, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)space)))];
            Array.Fill(_direct, -1);
        }
    }

    private int AssignDirect(int start, int end, int count, int maxEntries)
    {
        var keys = _keys;
        var ids = _ids;
        var direct = _direct;
        for (var i = start; i < end; i++)
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

        return count;
    }

    private int AssignHashed(int start, int end, int maxEntries)
    {
        var keys = _keys;
        var ids = _ids;
        for (var i = start; i < end; i++)
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

    /// <summary>Groups the rows at <paramref name="levels"/> and also returns each row's entry in the table.</summary>
    public (ClassTable Table, int[] RowEntry) GroupRows(int[] levels)
    {
        var table = Group(levels, null);
        return (table, _ids.AsSpan(0, _table.RowCount).ToArray());
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
