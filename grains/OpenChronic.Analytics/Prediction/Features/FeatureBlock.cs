namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>
/// Feature rows without any patient key: a sparse matrix (CSR: <see cref="RowStarts"/>, <see cref="Columns"/>,
/// <see cref="Values"/>) over named columns, the outcome of each row, an optional reference risk per row (the synthetic
/// generator's own risk, NaN when unknown) and monthly event sequences (rows × <see cref="Months"/> ×
/// <see cref="Channels"/>, oldest month first). Rows are numbered locally: a block says nothing about who they are.
/// </summary>
public sealed class FeatureBlock
{
    public FeatureBlock(string[] names, int[] rowStarts, int[] columns, float[] values, bool[] labels, float[] reference,
        float[] sequences, int months, int channels)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rowStarts);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sequences);
        if (rowStarts.Length != labels.Length + 1 || reference.Length != labels.Length || columns.Length != values.Length
            || rowStarts[^1] != columns.Length || sequences.Length != labels.Length * months * channels)
        {
            throw new ArgumentException("Inconsistent feature block: row starts, labels, reference, values or sequences disagree.");
        }

        Names = names;
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
        Labels = labels;
        Reference = reference;
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
    /// </summary>
    public static FeatureBlock Stack(IReadOnlyList<FeatureBlock> blocks, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(names);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            index[names[i]] = i;
        }

        var months = blocks.Count > 0 ? blocks[0].Months : 0;
        var channels = blocks.Count > 0 ? blocks[0].Channels : 0;
        var builder = new FeatureBlockBuilder(months, channels);
        var row = new List<(int Column, float Value)>();
        foreach (var block in blocks)
        {
            if (block.Months != months || block.Channels != channels)
            {
                throw new ArgumentException("Blocks have different sequence shapes.", nameof(blocks));
            }

            var map = new int[block.Names.Length];
            for (var c = 0; c < map.Length; c++)
            {
                map[c] = index.TryGetValue(block.Names[c], out var g) ? g : -1;
            }

            for (var r = 0; r < block.Rows; r++)
            {
                row.Clear();
                for (var k = block.RowStarts[r]; k < block.RowStarts[r + 1]; k++)
                {
                    if (map[block.Columns[k]] >= 0)
                    {
                        row.Add((map[block.Columns[k]], block.Values[k]));
                    }
                }

                builder.AddIndexedRow(row, block.Labels[r], block.Reference[r], block.Sequence(r));
            }
        }

        return builder.Build([.. names]);
    }

    /// <summary>Names of the columns that are non-zero in at least <paramref name="minimumRows"/> rows of the blocks, sorted ordinally.</summary>
    public static string[] FrequentNames(IReadOnlyList<FeatureBlock> blocks, int minimumRows)
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

        return [.. counts.Where(kv => kv.Value >= minimumRows).Select(kv => kv.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The rows <paramref name="rows"/> of this block, in that order.</summary>
    public FeatureBlock Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new FeatureBlockBuilder(Months, Channels);
        var row = new List<(int Column, float Value)>();
        foreach (var r in rows)
        {
            row.Clear();
            for (var k = RowStarts[r]; k < RowStarts[r + 1]; k++)
            {
                row.Add((Columns[k], Values[k]));
            }

            builder.AddIndexedRow(row, Labels[r], Reference[r], Sequence(r));
        }

        return builder.Build(Names);
    }
}
