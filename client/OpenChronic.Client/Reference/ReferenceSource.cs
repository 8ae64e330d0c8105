using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Client.Reference;

/// <summary>
/// The extract as DuckDB sees it: one view <c>src_TABLE</c> per SNDS table over its Parquet files (every unit of the
/// table), with the unit id, a global row order <c>seq</c> (file order in the unit, then row in the file) and SQL
/// expressions that read a column the way ingestion reads a cell (text trimmed, integers, dates, floats), or NULL
/// when the column is absent.
/// </summary>
internal sealed class ReferenceSource
{
    private readonly Dictionary<string, Dictionary<string, string>> _types = new(StringComparer.Ordinal);

    private ReferenceSource(IReadOnlyList<WorkUnit> units) => Units = units;

    public IReadOnlyList<WorkUnit> Units { get; }

    /// <summary>Registers the files and views of <paramref name="directory"/> (Parquet extracts only).</summary>
    public static ReferenceSource Open(DuckDBConnection connection, string directory)
    {
        var inventory = ExtractInventory.Discover(directory, SndsCatalogue.Default);
        var units = WorkUnitPlanner.Plan(inventory);
        var source = new ReferenceSource(units);
        ReferenceSql.Execute(connection, "CREATE OR REPLACE TABLE files (filename VARCHAR, unit VARCHAR, ord BIGINT)");
        var byTable = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        long ord = 0;
        using (var appender = connection.CreateAppender("files"))
        {
            foreach (var unit in units)
            {
                foreach (var file in unit.Files)
                {
                    if (file.Format != Ingestion.Tables.SndsFileFormat.Parquet)
                    {
                        throw new InvalidDataException($"The DuckDB reference reads Parquet extracts only ({file.RelativePath} is {file.Format}).");
                    }

                    appender.CreateRow().AppendValue(file.Path).AppendValue(unit.Id).AppendValue(ord++).EndRow();
                    var table = file.Name.Table.Name;
                    if (!byTable.TryGetValue(table, out var list))
                    {
                        list = [];
                        byTable.Add(table, list);
                    }

                    list.Add(file.Path);
                }
            }
        }

        foreach (var (table, paths) in byTable)
        {
            var list = string.Join(", ", paths.Select(ReferenceSql.Literal));
            ReferenceSql.Execute(connection, $"""
                CREATE OR REPLACE VIEW src_{table} AS
                SELECT s.*, f.unit, f.ord * 4294967296 + s.file_row_number AS seq
                FROM read_parquet([{list}], filename = true, file_row_number = true, union_by_name = true) s
                JOIN files f USING (filename)
                """);
            source._types[table] = ReferenceSql.Columns(connection, $"src_{table}");
        }

        return source;
    }

    /// <summary>True when the extract has files of <paramref name="table"/>.</summary>
    public bool Has(string table) => _types.ContainsKey(table);

    /// <summary>The view of <paramref name="table"/>, or an empty relation with <c>unit</c> and <c>seq</c> when the extract has none.</summary>
    public string From(string table) => Has(table) ? $"src_{table}" : "(SELECT NULL::VARCHAR AS unit, NULL::BIGINT AS seq WHERE false)";

    /// <summary>Text trimmed of spaces, NULL when null or blank.</summary>
    public string Text(string table, string column) => Type(table, column) switch
    {
        null => "NULL::VARCHAR",
        "VARCHAR" => $"nullif(trim(\"{column}\", ' '), '')",
        _ => $"nullif(trim(CAST(\"{column}\" AS VARCHAR), ' '), '')",
    };

    /// <summary>An integer (numbers rounded, digits in text parsed), NULL when null or not a number.</summary>
    public string Long(string table, string column) => Type(table, column) switch
    {
        null => "NULL::BIGINT",
        "VARCHAR" => $"TRY_CAST(trim(\"{column}\", ' ') AS BIGINT)",
        "DOUBLE" or "FLOAT" => $"CASE WHEN isfinite(\"{column}\") AND abs(\"{column}\") <= 1e15 THEN CAST(round(\"{column}\") AS BIGINT) END",
        "BOOLEAN" => $"CAST(\"{column}\" AS BIGINT)",
        "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "NULL::BIGINT",
        _ => $"TRY_CAST(\"{column}\" AS BIGINT)",
    };

    /// <summary>A date (dates and timestamps only, as ingestion reads them), NULL otherwise.</summary>
    public string Day(string table, string column) => Type(table, column) switch
    {
        "DATE" => $"\"{column}\"",
        "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_MS" => $"CAST(\"{column}\" AS DATE)",
        _ => "NULL::DATE",
    };

    /// <summary>A quantity as a 32-bit float widened to double (a number as stored, else the integer, else 0).</summary>
    public string Float(string table, string column) => Type(table, column) switch
    {
        "DOUBLE" or "FLOAT" => $"coalesce(CAST(CAST(\"{column}\" AS FLOAT) AS DOUBLE), 0)",
        _ => $"coalesce(CAST(CAST({Long(table, column)} AS FLOAT) AS DOUBLE), 0)",
    };

    /// <summary>A quality flag that is not zero (absent, null, blank, '0' or 0 are zero).</summary>
    public string NonZeroFlag(string table, string column) => Type(table, column) switch
    {
        null => "false",
        "VARCHAR" => $"coalesce({Text(table, column)}, '0') <> '0'",
        _ => $"coalesce({Long(table, column)}, 0) <> 0",
    };

    /// <summary>A key of several columns joined by the unit separator, NULL when one part is missing.</summary>
    public string Key(string table, IEnumerable<string> columns)
    {
        var parts = columns.Select(c => Text(table, c)).ToArray();
        return $"CASE WHEN {string.Join(" AND ", parts.Select(p => $"{p} IS NOT NULL"))} THEN concat_ws(chr(31), {string.Join(", ", parts)}) END";
    }

    /// <summary>The first column of <paramref name="columns"/> that the table has, or null.</summary>
    public string? FirstPresent(string table, params string[] columns) => columns.FirstOrDefault(c => Type(table, c) is not null);

    /// <summary>Years of the PMSI units, else of the dated DCIR units (the build's default years).</summary>
    public int[] DefaultYears()
    {
        var pmsi = Units.Where(u => u.Kind == WorkUnitKind.Pmsi).Select(u => int.Parse(u.Id[5..], CultureInfo.InvariantCulture)).Order().ToArray();
        return pmsi.Length > 0
            ? pmsi
            : [.. Units.Where(u => u.Kind == WorkUnitKind.Dcir && u.Id.Length >= 9 && char.IsAsciiDigit(u.Id[5]))
                .Select(u => int.Parse(u.Id.AsSpan(5, 4), CultureInfo.InvariantCulture)).Distinct().Order()];
    }

    private string? Type(string table, string column) =>
        _types.TryGetValue(table, out var columns) && columns.TryGetValue(column, out var type) ? type : null;
}
