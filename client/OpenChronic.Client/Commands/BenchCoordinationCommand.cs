using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Pathways;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench coordination --db DIR [--cohort all] [--year Y]</c>: loads a built database into an embedded
/// grid and runs every coordination measure there, year by year: continuity indices, index stays and provider sets
/// per patient grain, merged per territory by the 64 partitions (first pass), merged by the client, the care-density
/// pass, then the network measures of each territory. Prints the seconds of each stage, the process's peak resident
/// memory (VmHWM, the grid runs in this process) and the managed heap after each stage. Nothing is written.
/// </summary>
internal static class BenchCoordinationCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "A built database (synth + build at the size to measure).", Required = true };
        var cohort = new Option<string>("--cohort") { Description = "Condition id of the catalogue, or 'all' (every patient: the heaviest run).", DefaultValueFactory = _ => "all" };
        var year = new Option<int?>("--year") { Description = "One year (default: every year of the database)." };
        var threshold = new Option<int>("--threshold") { Description = "Minimum shared patients for a network edge.", DefaultValueFactory = _ => 2 };
        var dp = new Option<string>("--dp") { Description = "Principal-diagnosis ICD-10 prefixes of index stays, comma-separated.", DefaultValueFactory = _ => "I50" };
        var command = new Command("coordination", "Time the coordination measures in the grid on a built database; peak memory.") { db, cohort, year, threshold, dp };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(db)!, parse.GetValue(cohort)!, parse.GetValue(year), parse.GetValue(threshold),
            parse.GetValue(dp)!, AnsiConsole.Console, ct));
        return command;
    }

    internal static async Task<int> RunAsync(string db, string cohortArgument, int? onlyYear, int threshold, string dp, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var cohort = cohortArgument == "all" ? "" : cohortArgument;
        string[] prefixes = [.. dp.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant())];
        if (threshold < 1 || prefixes.Length == 0 || (cohort.Length > 0 && !CaseDefinitionCatalogue.Default.Conditions.Any(c => c.Id == cohort)))
        {
            console.MarkupLine("[red]Give a known --cohort (or 'all'), --threshold ≥ 1 and at least one --dp prefix.[/]");
            return 2;
        }

        var table = new Table().AddColumns("stage", "seconds", "rows", "peak RSS (MiB)", "managed heap (MiB)");
        void Row(string stage, double seconds, string rows) => table.AddRow(stage, seconds.ToString("0.00", CultureInfo.InvariantCulture), rows,
            (PeakResidentBytes() / 1048576.0).ToString("N0", CultureInfo.InvariantCulture), (GC.GetTotalMemory(false) / 1048576.0).ToString("N0", CultureInfo.InvariantCulture));
        try
        {
            var clock = Stopwatch.StartNew();
            await using var session = await DatabaseSession.OpenAsync(db, console, cancellationToken);
            Row("load database into the grid", clock.Elapsed.TotalSeconds, $"{session.Patients:N0} patients, {session.Events:N0} events");
            int[] years = onlyYear is { } y ? [y] : session.Years;
            if (years.Any(x => !session.Years.Contains(x)))
            {
                console.MarkupLineInterpolated($"[red]The database covers {string.Join(", ", session.Years)}.[/]");
                return 2;
            }

            var last = new DateOnly(session.Years.Max(), 12, 31).DayNumber;
            double total = 0;
            foreach (var year in years)
            {
                var query = new CoordinationQuery(cohort, year, [.. prefixes], 30, last, 0x0C004D15UL);
                var yearClock = Stopwatch.StartNew();
                var stages = new List<(string Stage, double Seconds)>();
                var territories = await CoordinationGridQuery.RunAsync(session.Grains, query, careDensity: true, cancellationToken, (s, t) => stages.Add((s, t)));
                var national = CoordinationGridQuery.National(territories.Values);
                foreach (var (stage, seconds) in stages)
                {
                    var rows = stage switch
                    {
                        "measures" => $"{national[CoordinationCount.Persons]:N0} persons, {national[CoordinationCount.Stays]:N0} index stays",
                        "merge" => $"{territories.Count} territories",
                        _ => $"{national.Defined(CoordinationMeasure.CareDensity):N0} care densities",
                    };
                    Row($"{year}: {stage}", seconds, rows);
                }

                var networkClock = Stopwatch.StartNew();
                long nodes = 0, edges = 0;
                foreach (var (_, t) in territories)
                {
                    var report = t.Network.Report(threshold);
                    nodes += report.Summary.Nodes;
                    edges += report.Summary.Edges;
                }

                Row($"{year}: network measures", networkClock.Elapsed.TotalSeconds, $"{nodes:N0} nodes, {edges:N0} edges (≥ {threshold} shared)");
                total += yearClock.Elapsed.TotalSeconds;
                console.MarkupLineInterpolated($"[grey]{year}: UPC against the declared médecin traitant defined for {national.Defined(CoordinationMeasure.UpcDeclaredGp):N0} of {national[CoordinationCount.Persons]:N0} persons, median {national.Quantile(CoordinationMeasure.UpcDeclaredGp, 0.5):0.000}.[/]");
            }

            Row("all coordination stages", total, $"{years.Length} year(s), cohort {(cohort.Length == 0 ? "all" : cohort)}");
            console.Write(table);
            console.MarkupLineInterpolated($"Total {clock.Elapsed.TotalSeconds:0.0} s, peak RSS {PeakResidentBytes() / 1048576.0:N0} MiB, {Environment.ProcessorCount} cores.");
            return 0;
        }
        catch (DatabaseFormatException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
    }

    /// <summary>Peak resident set size: VmHWM of /proc/self/status on Linux, else the peak working set.</summary>
    private static long PeakResidentBytes()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                {
                    return kb * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
