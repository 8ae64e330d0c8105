using System.CommandLine;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Pathways;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic coordination --db DIR --cohort C --year Y --by departement [--out DIR] [--min-cell 11]</c>:
/// continuity indices, hospital → community transitions and patient-sharing networks of a cohort, computed in the
/// grid (patient grains, merged by the 64 partitions), written as CSV tables and SVG figures through the release gate.
/// With <c>--truth</c>, also compares the measured post-discharge GP follow-up with the generator's planted rates.
/// </summary>
internal static class CoordinationCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The Open Chronic database folder.", Required = true };
        var cohort = new Option<string>("--cohort") { Description = "Condition id of the catalogue (e.g. heart_failure), or 'all'.", DefaultValueFactory = _ => "heart_failure" };
        var year = new Option<int?>("--year") { Description = "Year (default: the database's last year)." };
        var by = new Option<string>("--by") { Description = "Territory level: departement (of residence).", DefaultValueFactory = _ => "departement" };
        var output = new Option<string>("--out") { Description = "Output folder for tables and figures.", DefaultValueFactory = _ => "coordination" };
        var minCell = new Option<int>("--min-cell") { Description = "Minimum cell size (distinct persons) of the release gate.", DefaultValueFactory = _ => 11 };
        var threshold = new Option<int>("--threshold") { Description = "Minimum shared patients for a network edge.", DefaultValueFactory = _ => 2 };
        var dp = new Option<string>("--dp") { Description = "Principal-diagnosis ICD-10 prefixes of index stays, comma-separated.", DefaultValueFactory = _ => "I50" };
        var prior = new Option<int>("--prior-days") { Description = "Days before admission searched for a GP contact.", DefaultValueFactory = _ => 30 };
        var truth = new Option<string?>("--truth") { Description = "Synthetic truth folder (DIR/truth): compare follow-up within 7 days with the planted rates." };
        var key = new Option<string?>("--key") { Description = $"With --truth: the build's pseudonymisation secret (else ${BuildCommand.KeyVariable}), to check the continuity indices against the planted continuity." };
        var minVisits = new Option<int>("--min-visits")
        {
            Description = "With --truth and --key: minimum GP visits over the study period of the persons of the continuity check (Nyweide et al. 2013: 4).",
            DefaultValueFactory = _ => ContinuityTruthCheck.DefaultMinVisits,
        };
        var command = new Command("coordination", "Coordination between community and hospital care: indices, transitions, networks.")
        {
            db, cohort, year, by, output, minCell, threshold, dp, prior, truth, key, minVisits,
        };
        command.SetAction((parse, ct) => RunAsync(new CoordinationArguments(parse.GetValue(db)!, parse.GetValue(cohort)!, parse.GetValue(year), parse.GetValue(by)!,
            parse.GetValue(output)!, parse.GetValue(minCell), parse.GetValue(threshold), parse.GetValue(dp)!, parse.GetValue(prior), parse.GetValue(truth), parse.GetValue(key),
            parse.GetValue(minVisits)),
            AnsiConsole.Console, ct));
        return command;
    }

    internal static async Task<int> RunAsync(CoordinationArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var cohort = args.Cohort == "all" ? "" : args.Cohort;
        string? error = args.By != "departement" ? $"--by supports 'departement' only (got '{args.By}')."
            : args.MinCell < 1 ? "--min-cell must be at least 1."
            : args.Threshold < 1 ? "--threshold must be at least 1."
            : args.PriorDays is < 1 or > 365 ? "--prior-days must be between 1 and 365."
            : args.MinVisits < 1 ? "--min-visits must be at least 1."
            : cohort.Length > 0 && !CaseDefinitionCatalogue.Default.Conditions.Any(c => c.Id == cohort)
                ? $"Unknown cohort '{args.Cohort}' (one of: all, {string.Join(", ", CaseDefinitionCatalogue.Default.Conditions.Select(c => c.Id))})."
            : null;
        string[] prefixes = [.. args.Dp.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant())];
        if (error is null && prefixes.Length == 0)
        {
            error = "--dp needs at least one ICD-10 prefix.";
        }

        if (error is not null)
        {
            console.MarkupLineInterpolated($"[red]{error}[/]");
            return 2;
        }

        try
        {
            await using var session = await DatabaseSession.OpenAsync(args.Db, console, cancellationToken);
            return (await RunOnGridAsync(session.Grains, session.Years, session.Patients, args, cohort, prefixes, console, cancellationToken)).Code;
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

    /// <summary>
    /// The query and release on an already-loaded grid (the demo's), with checked arguments: <paramref name="cohort"/> is a
    /// condition id or "" for all persons. Returns the exit code, the year and the merged territories (null when stopped early).
    /// </summary>
    internal static async Task<(int Code, int Year, SortedDictionary<string, CoordinationTerritory>? Territories)> RunOnGridAsync(IGrainFactory grains,
        int[] years, long patients, CoordinationArguments args, string cohort, string[] prefixes, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(years);
        var year = args.Year ?? years.Max();
        if (!years.Contains(year))
        {
            console.MarkupLineInterpolated($"[red]The database covers {string.Join(", ", years)}, not {year}.[/]");
            return (2, year, null);
        }

        var last = new DateOnly(years.Max(), 12, 31).DayNumber;
        var query = new CoordinationQuery(cohort, year, [.. prefixes], args.PriorDays, last, 0x0C004D15UL);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var territories = await CoordinationGridQuery.RunAsync(grains, query, careDensity: true, cancellationToken);
        console.MarkupLineInterpolated($"Grid query (64 partitions, two passes) over {patients:N0} patients: {clock.Elapsed.TotalSeconds:0.0} s.");
        var written = CoordinationRelease.Write(args.Output, territories, args, year, console);
        if (args.Truth is not null)
        {
            var byYear = new SortedDictionary<string, CoordinationTerritory>(StringComparer.Ordinal);
            foreach (var y in years)
            {
                var all = await CoordinationGridQuery.RunAsync(grains, query with { Year = y }, careDensity: false, cancellationToken);
                foreach (var (territory, t) in all)
                {
                    if (!byYear.TryGetValue(territory, out var merged))
                    {
                        merged = new CoordinationTerritory(new CoordinationTally(), new SharingNetwork());
                        byYear[territory] = merged;
                    }

                    merged.Tally.Merge(t.Tally);
                }
            }

            var code = CoordinationTruthCheck.Run(args.Truth, byYear, years, console);
            var secret = args.Key ?? Environment.GetEnvironmentVariable(BuildCommand.KeyVariable);
            if (!string.IsNullOrEmpty(secret))
            {
                code = Math.Max(code, CoordinationContinuityCheck.Run(args.Db, args.Truth, secret, args.MinVisits, console));
            }

            return (code, year, territories);
        }

        return (written ? 0 : 1, year, territories);
    }
}

/// <summary>The arguments of <c>openchronic coordination</c>.</summary>
internal sealed record CoordinationArguments(
    string Db, string Cohort, int? Year, string By, string Output, int MinCell, int Threshold, string Dp, int PriorDays, string? Truth, string? Key,
    int MinVisits = ContinuityTruthCheck.DefaultMinVisits);
