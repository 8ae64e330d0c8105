using System.CommandLine;
using System.Globalization;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Privacy;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic cross-check --extract DIR --db OUT --key K</c>: rebuilds the database of an extract with the DuckDB
/// reference implementation and compares the grid's database (built by <c>openchronic build</c> with the same key)
/// with it, table by table; exit code 0 only when nothing differs.
/// </summary>
internal static class CrossCheckCommand
{
    public static Command Create()
    {
        var extract = new Option<string>("--extract") { Description = "The SNDS extract folder (Parquet).", Required = true };
        var db = new Option<string>("--db") { Description = "The grid's database folder (openchronic build --db).", Required = true };
        var key = new Option<string?>("--key") { Description = $"The build's pseudonymisation secret (else ${BuildCommand.KeyVariable})." };
        var years = new Option<string?>("--years") { Description = "Years the database was derived for, e.g. 2019-2021 (default: the build's default)." };
        var command = new Command("cross-check", "Compare a built database with the DuckDB reference implementation, table by table.") { extract, db, key, years };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetValue(extract)!, parse.GetValue(db)!, parse.GetValue(key),
            parse.GetValue(years), AnsiConsole.Console)));
        return command;
    }

    internal static int Run(string extract, string db, string? key, string? years, IAnsiConsole console)
    {
        var secret = key ?? Environment.GetEnvironmentVariable(BuildCommand.KeyVariable);
        if (string.IsNullOrEmpty(secret))
        {
            console.MarkupLine($"[red]--key (or ${BuildCommand.KeyVariable}) is required: the pseudonyms must be those of the build.[/]");
            return 2;
        }

        int[]? yearList = null;
        if (years is not null)
        {
            if (!SynthCommand.TryParseYears(years, out var first, out var last) || last < first)
            {
                console.MarkupLineInterpolated($"[red]--years must look like 2019-2021 (got '{years}').[/]");
                return 2;
            }

            yearList = [.. Enumerable.Range(first, last - first + 1)];
        }

        if (!Directory.Exists(extract) || !Directory.Exists(db))
        {
            console.MarkupLineInterpolated($"[red]No folder {(Directory.Exists(extract) ? db : extract)}.[/]");
            return 2;
        }

        IReadOnlyList<TableComparison> results;
        try
        {
            using var connection = ReferenceBuild.Connect();
            var stages = ReferenceBuild.Run(connection, extract, KeyedPseudonym.FromPassphrase(secret), yearList);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]Reference built by DuckDB in {stages.Sum(s => s.Seconds):F1} s.[/]");
            results = DatabaseComparer.Compare(connection, db);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DuckDB.NET.Data.DuckDBException)
        {
            console.MarkupLineInterpolated($"[red]Cross-check failed: {e.Message}[/]");
            return 2;
        }

        Show(console, results);
        return results.All(r => r.Matches) ? 0 : 1;
    }

    internal static void Show(IAnsiConsole console, IReadOnlyList<TableComparison> results)
    {
        var table = new Table().Title("Grid database vs DuckDB reference")
            .AddColumns("table", "ref rows", "grid rows", "only ref", "only grid", "missing keys", "extra keys", "");
        foreach (var r in results)
        {
            table.AddRow(r.Table, N(r.ReferenceRows), N(r.GridRows), N(r.OnlyInReference), N(r.OnlyInGrid), N(r.MissingKeys), N(r.ExtraKeys),
                r.Matches ? "[green]same[/]" : "[red]differs[/]");
        }

        console.Write(table);
        foreach (var r in results.Where(r => !r.Matches))
        {
            console.MarkupLineInterpolated($"[bold]{r.Table}[/]");
            foreach (var c in r.Columns)
            {
                console.MarkupLineInterpolated($"  column {c.Column}: {N(c.Rows)} rows differ, e.g. {c.Example}");
            }

            foreach (var e in r.Examples)
            {
                console.MarkupLineInterpolated($"  {e}");
            }
        }

        var total = results.Sum(r => r.Differences);
        console.MarkupLine(total == 0 ? "[green]0 differences.[/]" : $"[red]{N(total)} differing rows.[/]");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
