using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Client.Grid;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic check-variability --db DIR --truth DIR/truth [--years A-B] [--min-cell 11]</c>: runs every planted
/// (indicator, level) of the synthetic truth on a built database, for each year, and prints the planted outliers
/// found beyond the overdispersion-adjusted 99.8 % limits (recall) and the other compared units flagged there
/// (false-positive rate). Internal validation: unit ids are the generator's, nothing here is a release.
/// </summary>
internal static class VariabilityCheckCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The Open Chronic database folder, built from the synthetic extract.", Required = true };
        var truth = new Option<string>("--truth") { Description = "The generator's truth folder (DIR/truth).", Required = true };
        var years = new Option<string?>("--years") { Description = "Years to check, e.g. 2019-2021 (default: the database's years)." };
        var minCell = new Option<int>("--min-cell") { Description = "Minimum distinct persons for a unit to be compared.", DefaultValueFactory = _ => CellSuppression.DefaultThreshold };
        var pool = new Option<bool>("--pool-years") { Description = "Also pool the years: counts of every year summed per unit (persons become person-years)." };
        var command = new Command("check-variability", "Recall and false positives of the variability flags against the synthetic planted outliers.")
        {
            db, truth, years, minCell, pool,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, parse.GetValue(truth)!, parse.GetValue(years),
            parse.GetValue(minCell), parse.GetValue(pool), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string db, string truth, string? years, int minCell, bool poolYears, IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        var outliersPath = Path.Combine(truth, "outliers.parquet");
        var establishmentsPath = Path.Combine(truth, "establishment_effects.parquet");
        var departementsPath = Path.Combine(truth, "departement_effects.parquet");
        if (!File.Exists(outliersPath) || !File.Exists(establishmentsPath) || !File.Exists(departementsPath))
        {
            console.MarkupLineInterpolated($"[red]Missing {outliersPath}, {establishmentsPath} or {departementsPath}.[/]");
            return 2;
        }

        if (minCell < 1 || (years is not null && (!SynthCommand.TryParseYears(years, out var first, out var last) || last < first)))
        {
            console.MarkupLine("[red]--years must look like 2019-2021 and --min-cell be at least 1.[/]");
            return 2;
        }

        try
        {
            var (planted, establishmentDepartement) = ReadTruth(outliersPath, establishmentsPath, departementsPath);
            var pairs = planted.Select(p => (p.Indicator, p.Level)).Distinct().Order().ToList();
            foreach (var (indicator, level) in pairs)
            {
                if (IndicatorCatalogue.Default.Find(indicator) is not { } definition || !IndicatorCatalogue.TryParseLevel(level, out var l) || !definition.Units.Contains(l))
                {
                    console.MarkupLineInterpolated($"[red]The truth plants '{indicator}' by {level}, which the indicator catalogue does not define.[/]");
                    return 1;
                }
            }

            await using var session = await DatabaseSession.OpenAsync(db, console, cancellationToken);
            var yearList = years is not null && SynthCommand.TryParseYears(years, out var a, out var b)
                ? Enumerable.Range(a, b - a + 1).ToArray()
                : session.Years;
            var end = VariabilityGrid.DataEndDay(session.Years);
            var requests = yearList.SelectMany(y => pairs.Select(p => (Year: y, p.Indicator, p.Level)))
                .Where(r => VariabilityGrid.CheckYear(IndicatorCatalogue.Default.Find(r.Indicator)!, r.Year, session.Years) is null)
                .Select(r => new VariabilityRequest(r.Indicator, r.Year, r.Level, end)).ToImmutableArray();
            var tallies = await VariabilityGrid.CountAsync(session.Grains, requests, cancellationToken);
            var results = new List<OutlierCheckResult>();
            for (var i = 0; i < requests.Length; i++)
            {
                var r = requests[i];
                results.Add(Check(r.Indicator, r.Level, r.Year, tallies[i], planted, establishmentDepartement, minCell));
            }

            Print(console, results, session.Patients, minCell, "each year");
            if (poolYears)
            {
                var pooled = new List<OutlierCheckResult>();
                foreach (var (indicator, level) in pairs)
                {
                    var merged = new IndicatorTally();
                    var kept = Enumerable.Range(0, requests.Length).Where(i => requests[i].Indicator == indicator && requests[i].Level == level).ToList();
                    foreach (var c in kept.SelectMany(i => tallies[i].Cells))
                    {
                        merged.Add(c);
                    }

                    pooled.Add(Check(indicator, level, 0, merged, planted, establishmentDepartement, minCell));
                }

                Print(console, pooled, session.Patients, minCell, $"years {string.Join('+', yearList)} pooled");
            }

            return 0;
        }
        catch (DuckDBException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the truth: {e.Message}[/]");
            return 1;
        }
        catch (DatabaseFormatException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    private static OutlierCheckResult Check(string indicator, string level, int year, IndicatorTally tally, List<PlantedOutlier> planted,
        Dictionary<string, string> establishmentDepartement, int minCell)
    {
        var report = VariabilityAnalysis.Analyse(tally.Cells, minCell);
        var mine = planted.Where(p => p.Indicator == indicator && p.Level == level).ToList();
        return OutlierCheckResult.Check(indicator, level, year, report, mine, OutlierCheckResult.ExcusedUnits(planted, establishmentDepartement, indicator, level));
    }

    private static void Print(IAnsiConsole console, List<OutlierCheckResult> results, long patients, int minCell, string period)
    {
        var table = new Table().AddColumns("year", "indicator", "by", "compared", "planted: O/E, flag; effect vs reference units, 95 % CI (planted)", "detected",
            "non-planted", "false +", "excused");
        foreach (var r in results)
        {
            var planted = string.Join("; ", r.Planted.Select(p => p.Compared
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{p.Id}: {p.Ratio:F2} {p.Flag}; {p.Effect:F2} [{p.EffectLow:F2}, {p.EffectHigh:F2}] ({p.PlantedEffect:F2}{(p.Recovered ? ", recovered" : "")})")
                : $"{p.Id}: not compared"));
            table.AddRow(r.Year == 0 ? "pooled" : r.Year.ToString(CultureInfo.InvariantCulture), r.Indicator, r.Level, I(r.Compared), Markup.Escape(planted),
                $"{I(r.Detected)}/{I(r.Planted.Length)}", I(r.NonPlanted), I(r.FalsePositives), I(r.Excused));
        }

        console.Write(table);
        int detected = results.Sum(r => r.Detected), total = results.Sum(r => r.Planted.Length);
        int falsePositives = results.Sum(r => r.FalsePositives), nonPlanted = results.Sum(r => r.NonPlanted);
        var recall = total > 0 ? detected / (double)total : double.NaN;
        var fpRate = nonPlanted > 0 ? falsePositives / (double)nonPlanted : 0;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{patients:N0} patients, {period}, min cell {minCell}: recall {recall:F3} ({detected}/{total} planted outliers beyond the overdispersion-adjusted 99.8 % limits), " +
            $"false-positive rate {fpRate:F3} ({falsePositives}/{nonPlanted} compared units with no planted effect)"));
        var pass = recall >= 0.9 && fpRate <= 0.1;
        console.MarkupLine(pass ? "[green]recall >= 0.9 and false positives <= 10 %: met[/]" : "[red]recall >= 0.9 and false positives <= 10 %: NOT met[/]");
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    // The planted outliers (a planted establishment with its département's readmission multiplier as context) and the establishments' départements.
    private static (List<PlantedOutlier> Planted, Dictionary<string, string> EstablishmentDepartement) ReadTruth(string outliers, string establishments,
        string departements)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var planted = new List<PlantedOutlier>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT CAST(level AS VARCHAR), CAST(id AS VARCHAR), CAST(indicator AS VARCHAR), CAST(planted AS DOUBLE), CAST(baseline AS DOUBLE) " +
                $"FROM read_parquet({ReferenceSql.Literal(outliers)}) WHERE level IS NOT NULL AND id IS NOT NULL AND indicator IS NOT NULL AND planted IS NOT NULL AND baseline IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                planted.Add(new PlantedOutlier(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4)));
            }
        }

        var byEstablishment = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT CAST(ETA_NUM AS VARCHAR), CAST(departement AS VARCHAR) FROM read_parquet({ReferenceSql.Literal(establishments)}) " +
                "WHERE ETA_NUM IS NOT NULL AND departement IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                byEstablishment[r.GetString(0)] = r.GetString(1);
            }
        }

        var readmission = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT CAST(departement AS VARCHAR), CAST(readmission_multiplier AS DOUBLE) FROM read_parquet({ReferenceSql.Literal(departements)}) " +
                "WHERE departement IS NOT NULL AND readmission_multiplier IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                readmission[r.GetString(0)] = r.GetDouble(1);
            }
        }

        planted = [.. planted.Select(p => p.Level == "establishment" && p.Indicator == "readmission_30d_after_hf"
            && byEstablishment.TryGetValue(p.Id, out var d) && readmission.TryGetValue(d, out var m) ? p with { Context = m } : p)];
        return (planted, byEstablishment);
    }
}
