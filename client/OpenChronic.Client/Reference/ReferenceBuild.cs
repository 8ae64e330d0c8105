using System.Diagnostics;
using DuckDB.NET.Data;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;
using OpenChronic.Ingestion.Database;

namespace OpenChronic.Client.Reference;

/// <summary>How long one stage of the reference took.</summary>
internal sealed record ReferenceStage(string Name, double Seconds);

/// <summary>
/// The DuckDB reference implementation of <c>openchronic build</c>, for cross-checks and benchmarks only (the product
/// never uses it): the same extract read with DuckDB's Parquet reader, ingested and derived in SQL into the tables of
/// the Open Chronic database (<see cref="DatabaseTables"/>), in the connection; patient pseudonyms are computed here in
/// C# (DuckDB has no HMAC) and registered as the table <c>pseudonyms</c>.
/// </summary>
internal static class ReferenceBuild
{
    /// <summary>The tables the reference builds, in <see cref="DatabaseTables"/> order.</summary>
    public static IReadOnlyList<string> Tables => [.. DatabaseTables.All.Select(t => t.Table)];

    public static DuckDBConnection Connect(string? databaseFile = null)
    {
        // In memory by default; a database file lets DuckDB evict table blocks to disk under a memory limit.
        var connection = new DuckDBConnection("Data Source=" + (databaseFile ?? ":memory:"));
        connection.Open();
        return connection;
    }

    /// <summary>Builds every table from <paramref name="extract"/>; returns the stages' times.</summary>
    public static IReadOnlyList<ReferenceStage> Run(DuckDBConnection connection, string extract, KeyedPseudonym pseudonym, int[]? years = null,
        CaseDefinitionCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(pseudonym);
        catalogue ??= CaseDefinitionCatalogue.Default;
        var stages = new List<ReferenceStage>();
        var clock = Stopwatch.StartNew();
        var source = ReferenceSource.Open(connection, Path.GetFullPath(extract));
        ReferenceIngest.Run(connection, source);
        stages.Add(new ReferenceStage("ingest (filters, joins, persons)", clock.Elapsed.TotalSeconds));
        clock.Restart();
        RegisterPseudonyms(connection, pseudonym);
        stages.Add(new ReferenceStage("pseudonyms (HMAC in C#)", clock.Elapsed.TotalSeconds));
        clock.Restart();
        Derive(connection, years ?? source.DefaultYears(), catalogue);
        stages.Add(new ReferenceStage("derive (conditions, ALD, lines, stays)", clock.Elapsed.TotalSeconds));
        return stages;
    }

    /// <summary>Patients, events and every derived table from the ingested events (the derivation alone).</summary>
    public static void Derive(DuckDBConnection connection, IReadOnlyList<int> years, CaseDefinitionCatalogue catalogue)
    {
        ReferenceDerive.Tables(connection);
        ReferenceSql.Execute(connection, ConditionSql.Create(catalogue, years));
        ReferenceDerive.AldEpisodes(connection);
        ReferenceDerive.TreatmentLines(connection, catalogue, TreatmentLineOptions.Default);
        ReferenceDerive.Stays(connection);
    }

    /// <summary>Writes the tables as Parquet files in <paramref name="directory"/>, columns as in <see cref="DatabaseTables"/>.</summary>
    public static void Export(DuckDBConnection connection, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (table, _, columns) in DatabaseTables.All)
        {
            var path = Path.Combine(Path.GetFullPath(directory), table + ".parquet");
            ReferenceSql.Execute(connection,
                $"COPY (SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {table}) TO {ReferenceSql.Literal(path)} (FORMAT parquet)");
        }
    }

    private static void RegisterPseudonyms(DuckDBConnection connection, KeyedPseudonym pseudonym)
    {
        var ids = ReferenceSql.Rows(connection, "SELECT idt FROM persons");
        ReferenceSql.Execute(connection, "CREATE OR REPLACE TABLE pseudonyms (idt VARCHAR, patient_id VARCHAR)");
        using var appender = connection.CreateAppender("pseudonyms");
        foreach (var row in ids)
        {
            appender.CreateRow().AppendValue(row[0]).AppendValue(pseudonym.Of(row[0]).ToString("N")).EndRow();
        }
    }
}
