namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Small-cell rule for aggregate tables of distinct-person counts, with its margins: every cell (margins included)
/// with 0 &lt; count &lt; threshold (default 11, the CASD rule) is hidden (primary suppression), then more cells are
/// hidden (complementary suppression) until no hidden cell can be recomputed from the published cells and margins.
/// With rows and columns as the nodes of a bipartite graph and hidden cells as its edges, the row and column sum
/// equations determine a hidden cell exactly when its edge is a bridge (on no cycle); so while a bridge remains,
/// the cheapest published cell (smallest count; zeros and margins last) that closes a cycle through it is hidden.
/// This implies at least two hidden cells in every row and column that has one. It protects against exact
/// recovery by sums and differences, not against interval bounds.
/// </summary>
public static class CellSuppression
{
    public const int DefaultThreshold = 11;

    /// <summary>
    /// Suppresses small cells of <paramref name="counts"/>; <paramref name="forced"/> lists further cells (margins
    /// included: row = row count or column = column count) to hide from the start, e.g. because a difference with an
    /// earlier release would reveal a small count there; the complementary cells then protect them too.
    /// </summary>
    public static CellSuppressionResult Apply(long[,] counts, int threshold = DefaultThreshold, IReadOnlyCollection<(int Row, int Column)>? forced = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        ArgumentOutOfRangeException.ThrowIfZero(rows);
        ArgumentOutOfRangeException.ThrowIfZero(columns);
        var width = columns + 1;
        var values = new long[(rows + 1) * width];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var v = counts[r, c];
                ArgumentOutOfRangeException.ThrowIfNegative(v, nameof(counts));
                values[(r * width) + c] = v;
                values[(r * width) + columns] += v;
                values[(rows * width) + c] += v;
                values[(rows * width) + columns] += v;
            }
        }

        var status = new CellStatus[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > 0 && values[i] < threshold)
            {
                status[i] = CellStatus.Primary;
            }
        }

        foreach (var (r, c) in forced ?? [])
        {
            ArgumentOutOfRangeException.ThrowIfNegative(r, nameof(forced));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(r, rows, nameof(forced));
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(forced));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(c, columns, nameof(forced));
            if (status[(r * width) + c] == CellStatus.Published)
            {
                status[(r * width) + c] = CellStatus.Forced;
            }
        }

        var graph = new SuppressionGraph(rows + 1, columns + 1);
        while (graph.FindBridge(status) is { } bridge)
        {
            var (sideA, sideB) = graph.Sides(status, bridge);
            var cell = Cheapest(values, status, rows, columns, sideA, sideB);
            if (cell >= 0)
            {
                status[cell] = CellStatus.Complementary;
                continue;
            }

            // no single cell closes a cycle (one side is a lone row or column): widen both sides by hiding the
            // cheapest cell of the bridge's row and of its column; the next pass then closes the rectangle
            var (br, bc) = (bridge / width, bridge % width);
            var inRow = CheapestWhere(values, status, i => i / width == br);
            var inColumn = CheapestWhere(values, status, i => i % width == bc);
            if (inRow < 0 && inColumn < 0)
            {
                // nothing left to hide around it: hide the whole table, which leaves no bridge
                for (var i = 0; i < values.Length; i++)
                {
                    status[i] = status[i] == CellStatus.Forced ? CellStatus.Forced
                        : values[i] > 0 && values[i] < threshold ? CellStatus.Primary : CellStatus.Complementary;
                }

                break;
            }

            foreach (var i in new[] { inRow, inColumn })
            {
                if (i >= 0)
                {
                    status[i] = CellStatus.Complementary;
                }
            }
        }

        return new CellSuppressionResult(rows, columns, threshold, [.. values], [.. status]);
    }

    private static int CheapestWhere(long[] values, CellStatus[] status, Func<int, bool> where)
    {
        var best = -1;
        for (var i = 0; i < values.Length; i++)
        {
            if (status[i] == CellStatus.Published && where(i) && (best < 0 || Cost(values[i]) < Cost(values[best])))
            {
                best = i;
            }
        }

        return best;
    }

    private static long Cost(long value) => value == 0 ? long.MaxValue / 2 : value;

    // the published cell joining a row of one side to a column of the other, with the lowest cost
    private static int Cheapest(long[] values, CellStatus[] status, int rows, int columns, bool[] sideA, bool[] sideB)
    {
        var width = columns + 1;
        var best = -1;
        var bestCost = long.MaxValue;
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var i = (r * width) + c;
                var col = rows + 1 + c;
                var joins = (sideA[r] && sideB[col]) || (sideB[r] && sideA[col]);
                if (!joins || status[i] != CellStatus.Published)
                {
                    continue;
                }

                var margin = r == rows || c == columns;
                var cost = values[i] == 0 ? long.MaxValue / 2 : values[i] + (margin ? long.MaxValue / 4 : 0);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = i;
                }
            }
        }

        return best;
    }
}
