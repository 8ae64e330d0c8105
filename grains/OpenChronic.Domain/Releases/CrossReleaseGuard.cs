namespace OpenChronic.Domain.Releases;

/// <summary>
/// Protects an aggregate table against differencing with earlier releases (of this cohort or of overlapping
/// cohorts) over the same table layout. For every cell, margins included, it counts the persons only in the new
/// release's cell and those only in the earlier one's: when one side is empty and the other holds between 1 and
/// threshold − 1 persons, subtracting the two published values would reveal that small group, so the cell is hidden
/// in the new release (cell suppression then adds complementary cells so that it cannot be recomputed either).
/// </summary>
public static class CrossReleaseGuard
{
    /// <summary>The cells (row, column; margins at index rows / columns) to hide in the new table.</summary>
    public static IReadOnlyList<(int Row, int Column)> CellsToHide(int rows, int columns, int threshold,
        IReadOnlyList<ulong> hashes, IReadOnlyList<int> cells, IEnumerable<(IReadOnlyList<ulong> Hashes, IReadOnlyList<int> Cells)> earlier)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(earlier);
        var width = columns + 1;
        var size = (rows + 1) * width;
        var hide = new bool[size];
        var current = Index(hashes, cells);
        foreach (var (oldHashes, oldCells) in earlier)
        {
            var previous = Index(oldHashes, oldCells);
            var onlyNew = new int[size];
            var onlyOld = new int[size];
            Count(current, previous, onlyNew, columns);
            Count(previous, current, onlyOld, columns);
            for (var i = 0; i < size; i++)
            {
                if ((onlyOld[i] == 0 && onlyNew[i] > 0 && onlyNew[i] < threshold) || (onlyNew[i] == 0 && onlyOld[i] > 0 && onlyOld[i] < threshold))
                {
                    hide[i] = true;
                }
            }
        }

        var result = new List<(int, int)>();
        for (var i = 0; i < size; i++)
        {
            if (hide[i])
            {
                result.Add((i / width, i % width));
            }
        }

        return result;
    }

    private static Dictionary<ulong, int> Index(IReadOnlyList<ulong> hashes, IReadOnlyList<int> cells)
    {
        if (hashes.Count != cells.Count)
        {
            throw new ArgumentException("One cell per person hash is needed.", nameof(cells));
        }

        var index = new Dictionary<ulong, int>(hashes.Count);
        for (var i = 0; i < hashes.Count; i++)
        {
            index[hashes[i]] = cells[i];
        }

        return index;
    }

    // For each person of `a`, the cells containing them in `a` (cell, row margin, column margin, grand total) that do
    // not contain them in `b`.
    private static void Count(Dictionary<ulong, int> a, Dictionary<ulong, int> b, int[] only, int columns)
    {
        var width = columns + 1;
        var rows = (only.Length / width) - 1;
        Span<int> mine = stackalloc int[4];
        Span<int> theirs = stackalloc int[4];
        foreach (var (person, cell) in a)
        {
            Containing(cell, columns, rows, mine);
            var inB = b.TryGetValue(person, out var other);
            if (inB)
            {
                Containing(other, columns, rows, theirs);
            }

            foreach (var c in mine)
            {
                if (!inB || theirs.IndexOf(c) < 0)
                {
                    only[c]++;
                }
            }
        }
    }

    private static void Containing(int cell, int columns, int rows, Span<int> into)
    {
        var width = columns + 1;
        int r = cell / columns, c = cell % columns;
        into[0] = (r * width) + c;
        into[1] = (r * width) + columns;
        into[2] = (rows * width) + c;
        into[3] = (rows * width) + columns;
    }
}
