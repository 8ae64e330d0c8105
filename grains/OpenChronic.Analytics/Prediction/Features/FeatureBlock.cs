namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>
/// Feature rows without any patient key: a sparse matrix (CSR: <see cref="RowStarts"/>, <see cref="Columns"/>,
/// <see cref="Values"/>) over named columns, the outcome of each row, an optional reference risk per row (the synthetic
/// generator's own risk, NaN when unknown), an optional observable-signal oracle risk per row (see
/// <c>ObservableOracle</c>, NaN when unknown) and monthly event sequences (rows × <see cref="Months"/> ×
/// <see cref="Channels"/>, oldest month first). Rows are numbered locally: a block says nothing about who they are.
/// </summary>
public sealed class FeatureBlock
{
    public FeatureBlock(string[] names, int[] rowStarts, int[] columns, float[] values, bool[] labels, float[] reference,
        float[] sequences, int months, int channels, float[]? oracle = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sequences);
        if (rowStarts.Length != labels.Length + 1 || reference.Length != labels.Length || columns.Length != values.Length
            || rowStarts[^1] != columns.Length || sequences.Length != labels.Length * months * channels
            || (oracle is not null && oracle.Length != labels.Length))
        {
            throw new ArgumentException("Inconsistent feature block: row starts, labels, reference, values or sequences disagree.");
        }

        Names = names;
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
        Labels = labels;
        Reference = reference;
        Oracle = oracle ?? [.. Enumerable.Repeat(float.NaN, labels.Length)];
        Sequences = sequences;
        Months = months;
        Channels = channels;
    }

    /// <summary>An empty block.</summary>
    public static FeatureBlock Empty(int months, int channels) => new([], [0], [], [], [], [], [], months, channels);

    public string[] Names { get; }

    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public bool[] Labels { get; }

    public float[] Reference { get; }

    /// <summary>The observable-signal oracle's risk per row (NaN when unknown).</summary>
    public float[] Oracle { get; }

    public float[] Sequences { get; }

    public int Months { get; }

    public int Channels { get; }

    public int Rows => Labels.Length;

    public int ColumnCount => Names.Length;

    /// <summary>Number of positive rows.</summary>
    public int Positives => Labels.Count(l => l);

    /// <summary>Writes row <paramref name="row"/> densely into <paramref name="destination"/> (length = column count).</summary>
    public void CopyRow(int row, Span<float> destination)
    {
        destination.Clear();
        for (var k = RowStarts[row]; k < RowStarts[row + 1]; k++)
        {
            destination[Columns[k]] = Values[k];
        }
    }

    /// <summary>The monthly sequence of row <paramref name="row"/> (months × channels).</summary>
    public ReadOnlySpan<float> Sequence(int row) => Sequences.AsSpan(row * Months * Channels, Months * Channels);

    /// <summary>
    /// Stacks blocks onto the column set <paramref name="names"/>; columns a block has and the set lacks are dropped.
    /// The result's arrays are allocated once at their exact size (no growing lists: at a million rows the monthly
    /// sequences alone are about a gigabyte). When <paramref name="release"/> is true, each slot of
    /// <paramref name="blocks"/> is set to null once copied, so that the caller's only references can be collected as
    /// the stack grows and the rows are never held twice in full.
    /// </summary>
    public static FeatureBlock Stack(IList<FeatureBlock?> blocks, IReadOnlyList<string> names, bool release = false)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(names);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            index[names[i]] = i;
        }

        var months = blocks.Count > 0 ? blocks[0]!.Months : 0;
        var channels = blocks.Count > 0 ? blocks[0]!.Channels : 0;
        var maps = new int[blocks.Count][];
        long rows = 0;
        long kept = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b] ?? throw new ArgumentException("A block is missing.", nameof(blocks));
            if (block.Months != months || block.Channels != channels)
            {
                throw new ArgumentException("Blocks have different sequence shapes.", nameof(blocks));
            }

            maps[b] = new int[block.Names.Length];
            for (var c = 0; c < maps[b].Length; c++)
            {
                maps[b][c] = index.TryGetValue(block.Names[c], out var g) ? g : -1;
            }

            rows += block.Rows;
            foreach (var c in block.Columns)
            {
                kept += maps[b][c] >= 0 ? 1 : 0;
            }
        }

        var width = months * channels;
        var target = new Target(checked((int)rows), checked((int)kept), width);
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b]!;
            for (var r = 0; r < block.Rows; r++)
            {
                target.Add(block, r, maps[b]);
            }

            if (release)
            {
                blocks[b] = null;
            }
        }

        return target.Build([.. names], months, channels);
    }

    /// <summary>
    /// Names of the columns that are non-zero in at least <paramref name="minimumRows"/> rows of the blocks, plus every
    /// column starting with <paramref name="keepPrefix"/> if given, sorted ordinally.
    /// </summary>
    public static string[] FrequentNames(IReadOnlyList<FeatureBlock> blocks, int minimumRows, string? keepPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var perColumn = new int[block.Names.Length];
            foreach (var c in block.Columns)
            {
                perColumn[c]++;
            }

            for (var c = 0; c < perColumn.Length; c++)
            {
                counts[block.Names[c]] = counts.GetValueOrDefault(block.Names[c]) + perColumn[c];
            }
        }

        return [.. counts.Where(kv => kv.Value >= minimumRows || (keepPrefix is not null && kv.Key.StartsWith(keepPrefix, StringComparison.Ordinal)))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The rows <paramref name="rows"/> of this block, in that order (arrays allocated at their exact size).</summary>
    public FeatureBlock Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        long kept = 0;
        foreach (var r in rows)
        {
            kept += RowStarts[r + 1] - RowStarts[r];
        }

        var target = new Target(rows.Count, checked((int)kept), Months * Channels);
        foreach (var r in rows)
        {
            target.Add(this, r, null);
        }

        return target.Build(Names, Months, Channels);
    }

    /// <summary>Exact-size arrays filled row by row; columns mapped through an optional map (−1 = dropped).</summary>
    private sealed class Target(int rows, int nonZeros, int width)
    {
        private readonly int[] _rowStarts = new int[rows + 1];
        private readonly int[] _columns = new int[nonZeros];
        private readonly float[] _values = new float[nonZeros];
        private readonly bool[] _labels = new bool[rows];
        private readonly float[] _reference = new float[rows];
        private readonly float[] _oracle = new float[rows];
        private readonly float[] _sequences = new float[checked(rows * width)];
        private readonly List<(int Column, float Value)> _row = [];
        private int _next;

        public void Add(FeatureBlock source, int r, int[]? map)
        {
            _row.Clear();
            for (var k = source.RowStarts[r]; k < source.RowStarts[r + 1]; k++)
            {
                var column = map is null ? source.Columns[k] : map[source.Columns[k]];
                if (column >= 0)
                {
                    _row.Add((column, source.Values[k]));
                }
            }

            if (map is not null)
            {
                _row.Sort((a, b) => a.Column.CompareTo(b.Column));
            }

            var at = _rowStarts[_next];
            foreach (var (column, value) in _row)
            {
                _columns[at] = column;
                _values[at] = value;
                at++;
            }

            _rowStarts[_next + 1] = at;
            _labels[_next] = source.Labels[r];
            _reference[_next] = source.Reference[r];
            _oracle[_next] = source.Oracle[r];
            source.Sequence(r).CopyTo(_sequences.AsSpan(_next * width, width));
            _next++;
        }

        public FeatureBlock Build(string[] names, int months, int channels) =>
            new(names, _rowStarts, _columns, _values, _labels, _reference, _sequences, months, channels, _oracle);
    }
}
