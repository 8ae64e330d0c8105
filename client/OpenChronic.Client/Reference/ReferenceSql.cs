using System.Globalization;
using DuckDB.NET.Data;

namespace OpenChronic.Client.Reference;

/// <summary>Small helpers to run SQL on a DuckDB connection and to write SQL literals.</summary>
internal static class ReferenceSql
{
    /// <summary>Set this environment variable (to anything) to print each statement's time to the error stream.</summary>
    public const string TimingsVariable = "OPENCHRONIC_SQL_TIMINGS";

    private static readonly bool s_timings = Environment.GetEnvironmentVariable(TimingsVariable) is not null;

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        command.ExecuteNonQuery();
        if (s_timings)
        {
            var head = string.Join(" ", sql.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(2));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[sql {clock.Elapsed.TotalSeconds,8:F2} s] {head[..Math.Min(head.Length, 110)]}"));
        }
    }

    public static long Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The rows of a query as text cells (NULL as "∅").</summary>
    public static List<string[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                };
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Column name → DuckDB type name of a relation.</summary>
    public static Dictionary<string, string> Columns(DuckDBConnection connection, string relation)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows(connection, $"SELECT column_name, column_type FROM (DESCRIBE {relation})"))
        {
            columns[row[0]] = row[1];
        }

        return columns;
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>SQL that is true when <paramref name="column"/> starts with one of <paramref name="prefixes"/> (false for none).</summary>
    public static string StartsWithAny(string column, IEnumerable<string> prefixes)
    {
        var terms = prefixes.Select(p => $"starts_with({column}, {Literal(p)})").ToArray();
        return terms.Length == 0 ? "false" : "(" + string.Join(" OR ", terms) + ")";
    }
}
