using System.CommandLine;
using System.Security.Cryptography;
using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic variability --db DIR --indicator I --year Y --by departement|establishment|gp [--out DIR] [--min-cell 11]</c>:
/// loads a built database into the embedded grid, counts a catalogue indicator per unit × age × sex on the partitions,
/// standardises indirectly, places units on exact and overdispersion-adjusted funnels, and writes the released table
/// (CSV), the between-unit statistics and an SVG funnel plot, after the release gate.
/// </summary>
internal static class VariabilityCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The Open Chronic database folder.", Required = true };
        var indicator = new Option<string>("--indicator") { Description = "Indicator id of the catalogue (see docs/variability.md).", Required = true };
        var year = new Option<int?>("--year") { Description = "Year of the indicator (default: the database's last year)." };
        var by = new Option<string>("--by") { Description = "Unit of comparison: departement, establishment or gp.", DefaultValueFactory = _ => "departement" };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "variability" };
        var minCell = new Option<int>("--min-cell") { Description = "Minimum distinct persons per published cell.", DefaultValueFactory = _ => CellSuppression.DefaultThreshold };
        var key = new Option<string?>("--key") { Description = "Secret of the GP pseudonyms of this release (else a random key: pseudonyms differ between releases)." };
        var command = new Command("variability", "Variability of an indicator between départements, establishments or GPs: tables and funnel plots.")
        {
            db, indicator, year, by, output, minCell, key,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db)!, parse.GetValue(indicator)!, parse.GetValue(year),
            parse.GetValue(by)!, parse.GetValue(output)!, parse.GetValue(minCell), parse.GetValue(key), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string db, string indicatorId, int? year, string by, string output, int minCell, string? key,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        var indicator = IndicatorCatalogue.Default.Find(indicatorId);
        if (indicator is null)
        {
            console.MarkupLineInterpolated($"[red]Unknown indicator '{indicatorId}'.[/] Known: {string.Join(", ", IndicatorCatalogue.Default.Indicators.Select(i => i.Id))}");
            return 2;
        }

        if (!IndicatorCatalogue.TryParseLevel(by, out var level) || !indicator.Units.Contains(level))
        {
            console.MarkupLineInterpolated($"[red]'{indicator.Id}' is compared by {string.Join(", ", indicator.Units.Select(IndicatorCatalogue.LevelName))}, not '{by}'.[/]");
            return 2;
        }

        if (minCell < 1)
        {
            console.MarkupLine("[red]--min-cell must be at least 1.[/]");
            return 2;
        }

        try
        {
            await using var session = await DatabaseSession.OpenAsync(db, console, cancellationToken);
            return (await RunOnGridAsync(session.Grains, session.Years, indicator, level, year, output, minCell, key, console, cancellationToken)).Code;
        }
        catch (DatabaseFormatException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot write the results: {e.Message}[/]");
            return 1;
        }
    }

    /// <summary>
    /// The count, analysis and release on an already-loaded grid (the demo's), with a checked indicator, level and cell
    /// size. Returns the exit code, the year, the analysis (aggregates) and the released rows with the files written.
    /// </summary>
    internal static async Task<(int Code, int Year, VariabilityReport? Report, IReadOnlyList<ReleasedUnit> Released, IReadOnlyList<string> Files)> RunOnGridAsync(
        IGrainFactory grains, int[] years, IndicatorDefinition indicator, UnitLevel level, int? year, string output, int minCell, string? key,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(years);
        var y = year ?? years.Max();
        if (VariabilityGrid.CheckYear(indicator, y, years) is { } problem)
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
            return (2, y, null, [], []);
        }

        var request = new VariabilityRequest(indicator.Id, y, IndicatorCatalogue.LevelName(level), VariabilityGrid.DataEndDay(years));
        var tally = (await VariabilityGrid.CountAsync(grains, [request], cancellationToken))[0];
        var report = VariabilityAnalysis.Analyse(tally.Cells, minCell);
        var pseudonyms = KeyedPseudonym.FromPassphrase(key ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        Func<string, string> label = level == UnitLevel.Gp ? u => "GP-" + pseudonyms.Of(u).ToString("N")[..12] : u => u;
        var released = VariabilityRelease.Apply(report, minCell, label);
        var files = VariabilityOutput.Write(output, indicator, y, level, report, released, minCell);
        VariabilityOutput.Print(console, indicator, y, level, report, released, files);
        return (0, y, report, released, files);
    }
}
