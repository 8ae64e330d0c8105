namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>Turns the per-entry ids of a grouping into a column-wise class table.</summary>
internal sealed partial class Groupifier
{
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
}
