using DuckDB.NET.Data;
using OpenChronic.Ingestion.Database;

namespace OpenChronic.Client.Reference;

/// <summary>A column whose values differ between the two databases on rows with the same key.</summary>
internal sealed record ColumnDifference(string Column, long Rows, string Example);

/// <summary>How one table of the grid's database compares with the reference's.</summary>
/// <param name="Table">Table name.</param>
/// <param name="ReferenceRows">Rows in the reference.</param>
/// <param name="GridRows">Rows in the grid's database.</param>
/// <param name="OnlyInReference">Rows of the reference with no identical row in the grid (multiset difference).</param>
/// <param name="OnlyInGrid">Rows of the grid with no identical row in the reference.</param>
/// <param name="MissingKeys">Keys of the reference absent from the grid (keyed tables).</param>
/// <param name="ExtraKeys">Keys of the grid absent from the reference.</param>
/// <param name="Columns">Columns that differ on common keys.</param>
/// <param name="Examples">A few differing rows, marked <c>ref</c> or <c>grid</c>, patient pseudonyms shortened to 8 characters.</param>
internal sealed record TableComparison(
    string Table,
    long ReferenceRows,
    long GridRows,
    long OnlyInReference,
    long OnlyInGrid,
    long MissingKeys,
    long ExtraKeys,
    IReadOnlyList<ColumnDifference> Columns,
    IReadOnlyList<string> Examples)
{
    public bool Matches => OnlyInReference == 0 && OnlyInGrid == 0 && ReferenceRows == GridRows;

    /// <summary>Rows that differ, counted on both sides.</summary>
    public long Differences => OnlyInReference + OnlyInGrid;
}

/// <summary>
/// Compares the grid's database (Parquet files of a <c>--db</c> folder) with the reference tables of a DuckDB connection,
/// table by table: row counts, rows present on one side only (as multisets, all columns), missing and extra keys,
/// and for keyed tables the columns that differ, with examples.
/// </summary>
internal static class DatabaseComparer
{
    private const int ExampleCount = 3;

    /// <summary>The key of each table (events has none: it is compared as a multiset of rows).</summary>
    public static IReadOnlyDictionary<string, string[]> Keys { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["patients"] = ["patient_id"],
        ["events"] = [],
        ["conditions"] = ["patient_id", "year", "condition"],
        ["ald_episodes"] = ["patient_id", "ald_number", "start_date"],
        ["treatment_lines"] = ["patient_id", "condition", "line"],
        ["stays"] = ["patient_id", "admission"],
    };

    public static IReadOnlyList<TableComparison> Compare(DuckDBConnection connection, string gridDatabase)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var results = new List<TableComparison>();
        foreach (var (table, _, definition) in DatabaseTables.All)
        {
            var path = Path.Combine(Path.GetFullPath(gridDatabase), table + ".parquet");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The grid's database has no {table}.parquet.", path);
            }

            var columns = definition.Select(c => c.Name).ToArray();
            var list = string.Join(", ", columns);
            ReferenceSql.Execute(connection, $"CREATE OR REPLACE VIEW grid_{table} AS SELECT {list} FROM read_parquet({ReferenceSql.Literal(path)})");
            ReferenceSql.Execute(connection, $"CREATE OR REPLACE VIEW ref_{table} AS SELECT {list} FROM {table}");
            results.Add(CompareTable(connection, table, columns, Keys[table]));
        }

        return results;
    }

    private static TableComparison CompareTable(DuckDBConnection connection, string table, string[] columns, string[] keys)
    {
        var (r, g) = ($"ref_{table}", $"grid_{table}");
        var onlyRef = $"(SELECT * FROM {r} EXCEPT ALL SELECT * FROM {g})";
        var onlyGrid = $"(SELECT * FROM {g} EXCEPT ALL SELECT * FROM {r})";
        var examples = new List<string>();
        examples.AddRange(Sample(connection, onlyRef, columns).Select(e => "ref  " + e));
        examples.AddRange(Sample(connection, onlyGrid, columns).Select(e => "grid " + e));
        long missing = 0, extra = 0;
        var differences = new List<ColumnDifference>();
        if (keys.Length > 0)
        {
            var keyList = string.Join(", ", keys);
            missing = ReferenceSql.Scalar(connection, $"SELECT count(*) FROM (SELECT {keyList} FROM {r} EXCEPT SELECT {keyList} FROM {g})");
            extra = ReferenceSql.Scalar(connection, $"SELECT count(*) FROM (SELECT {keyList} FROM {g} EXCEPT SELECT {keyList} FROM {r})");
            var join = string.Join(" AND ", keys.Select(k => $"a.{k} = b.{k}"));
            foreach (var column in columns.Except(keys))
            {
                var where = $"FROM {r} a JOIN {g} b ON {join} WHERE a.{column} IS DISTINCT FROM b.{column}";
                var count = ReferenceSql.Scalar(connection, $"SELECT count(*) {where}");
                if (count > 0)
                {
                    var example = ReferenceSql.Rows(connection,
                        $"SELECT {string.Join(", ", keys.Select(k => "a." + k))}, a.{column}, b.{column} {where} ORDER BY ALL LIMIT 1")[0];
                    var keyText = string.Join(", ", keys.Select((k, i) => $"{k}={Short(k, example[i])}"));
                    differences.Add(new ColumnDifference(column, count, $"{keyText}: ref {example[^2]}, grid {example[^1]}"));
                }
            }
        }

        return new TableComparison(table, ReferenceSql.Scalar(connection, $"SELECT count(*) FROM {r}"), ReferenceSql.Scalar(connection, $"SELECT count(*) FROM {g}"),
            ReferenceSql.Scalar(connection, $"SELECT count(*) FROM {onlyRef}"), ReferenceSql.Scalar(connection, $"SELECT count(*) FROM {onlyGrid}"),
            missing, extra, differences, examples);
    }

    private static IEnumerable<string> Sample(DuckDBConnection connection, string relation, string[] columns) =>
        ReferenceSql.Rows(connection, $"SELECT * FROM {relation} ORDER BY ALL LIMIT {ExampleCount}")
            .Select(row => string.Join(", ", row.Select((v, i) => $"{columns[i]}={Short(columns[i], v)}")));

    // Pseudonyms are shortened in reports: enough to find the patient in the files, not a full key.
    private static string Short(string column, string value) => column == "patient_id" && value.Length > 8 ? value[..8] : value;
}
