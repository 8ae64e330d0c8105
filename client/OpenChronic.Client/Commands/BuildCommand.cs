using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic build --extract DIR --db OUT</c>: ingests an SNDS extract into an embedded grid (one patient grain per
/// person), derives every pathway and exports the Open Chronic database (Parquet tables and schema.md).
/// </summary>
internal static class BuildCommand
{
    /// <summary>Environment variable holding the pseudonymisation secret when <c>--key</c> is not given.</summary>
    public const string KeyVariable = "OPENCHRONIC_PSEUDONYM_KEY";

    public static Command Create()
    {
        var extract = new Option<string>("--extract") { Description = "The SNDS extract folder.", Required = true };
        var db = new Option<string>("--db") { Description = "Output folder of the database.", Required = true };
        var key = new Option<string?>("--key") { Description = $"Secret that derives patient pseudonyms (else ${KeyVariable}, else a random key for this run)." };
        var years = new Option<string?>("--years") { Description = "Years to derive conditions for, e.g. 2019-2021 (default: the extract's PMSI years, else its DCIR years)." };
        var cluster = new Option<string?>("--cluster") { Description = $"PostgreSQL connection string of a running cluster (else ${ClusterConnection.Variable}, else the embedded grid)." };
        var command = new Command("build", "Build the Open Chronic database from an extract on the embedded grid.") { extract, db, key, years, cluster };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(extract)!, parse.GetValue(db)!, parse.GetValue(key),
            parse.GetValue(years), AnsiConsole.Console, cancellationToken, parse.GetValue(cluster)));
        return command;
    }

    internal static async Task<int> RunAsync(string extract, string db, string? key, string? years, IAnsiConsole console, CancellationToken cancellationToken, string? cluster = null)
    {
        if (!Directory.Exists(extract))
        {
            console.MarkupLineInterpolated($"[red]No extract folder {extract}.[/]");
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

        var secret = key ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (string.IsNullOrEmpty(secret))
        {
            secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            console.MarkupLine($"[yellow]No --key nor ${KeyVariable}: patient pseudonyms use a random key for this run only.[/]");
        }

        var request = new IngestRequest(Path.GetFullPath(extract), Path.Combine(Path.GetFullPath(db), "rejects"));
        await using var grid = await GridChooser.OpenAsync(cluster, KeyedPseudonym.FromPassphrase(secret), console, cancellationToken);
        var job = grid.Grains.GetGrain<IIngestJobGrain>("build");
        await job.StartAsync(request);
        var progress = await Follow(job, console, cancellationToken);
        if (progress.Status != "completed")
        {
            console.MarkupLineInterpolated($"[red]The build failed: {progress.Error}[/]");
            return 1;
        }

        yearList ??= YearsOf(progress);
        console.MarkupLineInterpolated($"Deriving pathways for {string.Join(", ", yearList)} and exporting the database to [bold]{Path.GetFullPath(db)}[/]…");
        long patients;
        IReadOnlyDictionary<string, long> rows;
        using (var writer = new DatabaseWriter(db))
        {
            patients = await DatabaseExport.ExportAsync(grid.Grains, writer, yearList,
                new Progress<(int Partition, long Patients)>(p =>
                {
                    if ((p.Partition + 1) % 16 == 0)
                    {
                        console.MarkupLineInterpolated($"[grey]  partitions {p.Partition + 1}/{Partitions.Count}: {p.Patients:N0} patients[/]");
                    }
                }), cancellationToken);
            rows = writer.Rows;
            writer.WriteManifest(yearList);
        }

        WriteReport(db, progress, rows);
        Show(console, progress, patients, rows);
        return 0;
    }

    private static async Task<IngestProgress> Follow(IIngestJobGrain job, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var shown = -1;
        while (true)
        {
            var p = await job.GetProgressAsync();
            if (p.UnitsDone != shown || p.IsFinished)
            {
                shown = p.UnitsDone;
                var rate = p.Seconds > 0 ? p.SourceRows / p.Seconds : 0;
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[grey]  units {p.UnitsDone}/{p.UnitsTotal}: {p.SourceRows:N0} source rows ({rate:N0}/s), {p.Events:N0} events, {p.RejectedRows:N0} rejected, {p.Seconds:F1} s[/]");
            }

            if (p.IsFinished)
            {
                return p;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static int[] YearsOf(IngestProgress progress)
    {
        var pmsi = progress.Units.Select(u => u.UnitId).Where(u => u.StartsWith("PMSI:", StringComparison.Ordinal))
            .Select(u => int.Parse(u[5..], CultureInfo.InvariantCulture)).Order().ToArray();
        if (pmsi.Length > 0)
        {
            return pmsi;
        }

        return [.. progress.Units.Select(u => u.UnitId).Where(u => u.StartsWith("DCIR:", StringComparison.Ordinal) && u.Length >= 9 && char.IsAsciiDigit(u[5]))
            .Select(u => int.Parse(u.AsSpan(5, 4), CultureInfo.InvariantCulture)).Distinct().Order()];
    }

    private static void WriteReport(string db, IngestProgress progress, IReadOnlyDictionary<string, long> rows)
    {
        var report = new BuildReport(progress.Seconds, progress.SourceRows, progress.Events, progress.RejectedRows, rows, progress.Units);
        File.WriteAllText(Path.Combine(db, "build-report.json"), JsonSerializer.Serialize(report, BuildJson.Default.BuildReport));
    }

    private static void Show(IAnsiConsole console, IngestProgress progress, long patients, IReadOnlyDictionary<string, long> rows)
    {
        var units = new Table().Title("Work units").AddColumns("unit", "source rows", "kept", "filtered", "rejected", "patients", "events", "s");
        foreach (var u in progress.Units)
        {
            units.AddRow(Markup.Escape(u.UnitId), N(u.SourceRows), N(u.KeptRows), N(u.Filtered.Values.Sum()), N(u.RejectedRows), N(u.Patients), N(u.Events),
                u.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        console.Write(units);
        var tables = new Table().Title("Open Chronic database").AddColumns("table", "rows");
        foreach (var (table, count) in rows)
        {
            tables.AddRow(table, N(count));
        }

        console.Write(tables);
        var rate = progress.Seconds > 0 ? progress.SourceRows / progress.Seconds : 0;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{patients:N0} patients; ingestion {progress.Seconds:F1} s, {rate:N0} source rows/s; rejects per unit in [bold]rejects/[/].");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
