namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>
/// Nearest released records under a mixed distance: per column, 0/1 for a categorical mismatch and
/// |a − b|/range for a numeric column (range taken over the release; a constant column counts as categorical),
/// summed over the columns (Gower's distance up to a factor). Ties are broken at random by a keyed hash, not by
/// row order, so that a generalized release (many records at distance 0) does not link two halves of a target
/// to the same record by accident.
/// </summary>
internal sealed class NearestNeighbours
{
    private readonly AttackTable _release;
    private readonly AttackColumn[] _columns;
    private readonly double[] _inverseRange;

    public NearestNeighbours(AttackTable release, IReadOnlyList<AttackColumn> columns)
    {
        _release = release;
        _columns = [.. columns];
        _inverseRange = new double[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            if (_columns[c].Kind != AttackColumnKind.Numeric)
            {
                continue;
            }

            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var r = 0; r < release.RowCount; r++)
            {
                var value = release.Number(r, _columns[c].Index);
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }

            _inverseRange[c] = max > min ? 1 / (max - min) : 0;
        }
    }

    /// <summary>The <paramref name="k"/> released rows nearest to <paramref name="row"/> of <paramref name="table"/>.</summary>
    public int[] Nearest(AttackTable table, int row, int k, ulong tieSeed)
    {
        k = Math.Min(k, _release.RowCount);
        var best = new (double Distance, ulong Tie, int Index)[k];
        var filled = 0;
        for (var r = 0; r < _release.RowCount; r++)
        {
            var candidate = (Distance(table, row, r), Mix(tieSeed ^ (ulong)r), r);
            if (filled < k)
            {
                best[filled++] = candidate;
                Array.Sort(best, 0, filled);
                continue;
            }

            if (candidate.CompareTo(best[k - 1]) < 0)
            {
                // Insertion into the sorted buffer of the k best.
                var position = k - 1;
                while (position > 0 && candidate.CompareTo(best[position - 1]) < 0)
                {
                    best[position] = best[position - 1];
                    position--;
                }

                best[position] = candidate;
            }
        }

        return [.. best.Take(filled).Select(b => b.Index)];
    }

    private double Distance(AttackTable table, int row, int releaseRow)
    {
        double distance = 0;
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            if (column.Kind == AttackColumnKind.Categorical)
            {
                distance += table.Category(row, column.Index) == _release.Category(releaseRow, column.Index) ? 0 : 1;
            }
            else
            {
                var gap = Math.Abs(table.Number(row, column.Index) - _release.Number(releaseRow, column.Index));
                distance += _inverseRange[c] > 0 ? Math.Min(1, gap * _inverseRange[c]) : (gap == 0 ? 0 : 1);
            }
        }

        return distance;
    }

    /// <summary>The SplitMix64 finalizer: a well-mixed 64-bit hash of <paramref name="value"/>.</summary>
    internal static ulong Mix(ulong value)
    {
        unchecked
        {
            var z = value + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
