using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// The catalogue columns found in a file's header (by name, ignoring case, in the file's order), the requested
/// catalogue columns that are missing and the file's columns the catalogue does not know.
/// </summary>
internal sealed class HeaderMatch
{
    private HeaderMatch(int[] fileIndexes, SndsColumn[] columns, string[] missing, string[] extra)
    {
        FileIndexes = fileIndexes;
        Columns = columns;
        Missing = missing;
        Extra = extra;
    }

    /// <summary>For each read column, its position in the file.</summary>
    public int[] FileIndexes { get; }

    /// <summary>The read catalogue columns, in the file's order.</summary>
    public SndsColumn[] Columns { get; }

    public string[] Missing { get; }

    public string[] Extra { get; }

    public static HeaderMatch Match(IReadOnlyList<string> fileColumns, SndsTable table, IReadOnlyList<string>? projection)
    {
        HashSet<string>? wanted = null;
        if (projection is not null)
        {
            wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in projection)
            {
                if (!table.TryGetColumn(name, out var c))
                {
                    throw new ArgumentException($"{table.Name} has no column {name} to read.", nameof(projection));
                }

                wanted.Add(c.Name);
            }
        }

        var indexes = new List<int>();
        var columns = new List<SndsColumn>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var extra = new List<string>();
        for (var i = 0; i < fileColumns.Count; i++)
        {
            var name = fileColumns[i];
            if (!table.TryGetColumn(name, out var column) || !seen.Add(column.Name))
            {
                // unknown, or a second column of the same name: not read
                extra.Add(name);
                continue;
            }

            if (wanted is null || wanted.Contains(column.Name))
            {
                indexes.Add(i);
                columns.Add(column);
            }
        }

        var missing = table.Columns
            .Where(c => !seen.Contains(c.Name) && (wanted is null || wanted.Contains(c.Name)))
            .Select(c => c.Name)
            .ToArray();
        return new HeaderMatch([.. indexes], [.. columns], missing, [.. extra]);
    }
}
