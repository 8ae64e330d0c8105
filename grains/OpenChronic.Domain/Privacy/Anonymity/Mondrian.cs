using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Local recoding by strict multidimensional partitioning (Mondrian, LeFevre, DeWitt &amp; Ramakrishnan, ICDE 2006):
/// a partition is split at the median of the quasi-identifier with the widest normalized range (values ordered
/// by their leaf order in the hierarchy), into values ≤ median and values &gt; median, as long as both halves keep
/// at least k persons; otherwise the next widest attribute is tried, and a partition no attribute can split is
/// published with each attribute generalized to its [min..max] range. Nothing is suppressed.
/// </summary>
public static class Mondrian
{
    public static MondrianResult Anonymize(QuasiIdentifierTable table, int k)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var columns = table.Columns.Length;
        var codes = table.CodeArrays;
        var rows = new int[table.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = r;
        }

        var histograms = table.Columns.Select(c => new int[c.Hierarchy.LeafCount]).ToArray();
        var partitions = ImmutableArray.CreateBuilder<MondrianPartition>();
        var pending = new Stack<(int Start, int Length)>();
        if (rows.Length >= k && rows.Length > 0)
        {
            pending.Push((0, rows.Length));
        }
        else if (rows.Length > 0)
        {
            // fewer than k persons in all: nothing can be published
            return Result(table, [], rows);
        }

        var min = new int[columns];
        var max = new int[columns];
        var order = new int[columns];
        while (pending.TryPop(out var part))
        {
            var segment = rows.AsSpan(part.Start, part.Length);
            Ranges(segment, codes, min, max);
            for (var c = 0; c < columns; c++)
            {
                order[c] = c;
            }

            var width = new double[columns];
            for (var c = 0; c < columns; c++)
            {
                var leaves = table.Columns[c].Hierarchy.LeafCount;
                width[c] = leaves <= 1 ? 0 : (double)(max[c] - min[c]) / (leaves - 1);
            }

            Array.Sort(order, (a, b) => width[a] != width[b] ? width[b].CompareTo(width[a]) : a.CompareTo(b));
            var split = false;
            foreach (var c in order)
            {
                if (width[c] == 0)
                {
                    break;
                }

                var median = Median(segment, codes[c], histograms[c], min[c], max[c]);
                var left = Partition(segment, codes[c], median);
                if (left >= k && part.Length - left >= k)
                {
                    pending.Push((part.Start + left, part.Length - left));
                    pending.Push((part.Start, left));
                    split = true;
                    break;
                }
            }

            if (!split)
            {
                partitions.Add(new MondrianPartition([.. segment], [.. min], [.. max]));
            }
        }

        return Result(table, partitions.ToImmutable(), []);
    }

    private static void Ranges(ReadOnlySpan<int> segment, int[][] codes, int[] min, int[] max)
    {
        for (var c = 0; c < codes.Length; c++)
        {
            var column = codes[c];
            int lo = int.MaxValue, hi = int.MinValue;
            foreach (var r in segment)
            {
                var v = column[r];
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            min[c] = lo;
            max[c] = hi;
        }
    }

    // the lower median value, by counting: O(rows + range)
    private static int Median(ReadOnlySpan<int> segment, int[] column, int[] histogram, int min, int max)
    {
        foreach (var r in segment)
        {
            histogram[column[r]]++;
        }

        var half = (segment.Length + 1) / 2;
        var seen = 0;
        var median = max;
        for (var v = min; v <= max; v++)
        {
            seen += histogram[v];
            if (seen >= half && median == max)
            {
                median = v;
            }

            histogram[v] = 0;
        }

        // a median at the maximum would leave the right side empty: cut just below it
        if (median == max)
        {
            median = max - 1;
        }

        return median;
    }

    // moves rows with value ≤ median first; returns how many
    private static int Partition(Span<int> segment, int[] column, int median)
    {
        var left = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            if (column[segment[i]] <= median)
            {
                (segment[left], segment[i]) = (segment[i], segment[left]);
                left++;
            }
        }

        return left;
    }

    private static MondrianResult Result(QuasiIdentifierTable table, ImmutableArray<MondrianPartition> partitions, int[] suppressedRows)
    {
        var columns = table.Columns.Length;
        var n = table.RowCount;
        var values = new string[n][];
        var suppressed = new bool[n];
        foreach (var r in suppressedRows)
        {
            suppressed[r] = true;
            values[r] = [.. Enumerable.Repeat(GeneralizedTable.SuppressedValue, columns)];
        }

        foreach (var p in partitions)
        {
            var labels = new string[columns];
            for (var c = 0; c < columns; c++)
            {
                var h = table.Columns[c].Hierarchy;
                labels[c] = p.Minimum[c] == p.Maximum[c]
                    ? h.Label(0, p.Minimum[c])
                    : $"[{h.Label(0, p.Minimum[c])}..{h.Label(0, p.Maximum[c])}]";
            }

            foreach (var r in p.Rows)
            {
                values[r] = labels;
            }
        }

        ImmutableArray<string>? sensitive = table.HasSensitive ? [.. table.SensitiveArray!.Select(s => table.SensitiveValues[s])] : null;
        var output = new GeneralizedTable([.. table.Columns.Select(c => c.Name)], [.. values.Select(v => v.ToImmutableArray())], [.. suppressed], sensitive);
        return new MondrianResult(partitions, output, MondrianUtility.Report(table, partitions, suppressedRows.Length));
    }
}
