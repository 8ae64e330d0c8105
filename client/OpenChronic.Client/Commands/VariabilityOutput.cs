using System.Globalization;
using System.Text;
using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Analytics.Variability.Plots;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>Writes and prints a released variability result: the unit table (CSV), the between-unit statistics (CSV) and the funnel plot (SVG).</summary>
internal static class VariabilityOutput
{
    public static IReadOnlyList<string> Write(string folder, IndicatorDefinition indicator, int year, UnitLevel level, VariabilityReport report,
        IReadOnlyList<ReleasedUnit> released, int minCell)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, $"{indicator.Id}_{IndicatorCatalogue.LevelName(level)}_{year.ToString(CultureInfo.InvariantCulture)}");
        var table = new StringBuilder("unit,status,persons,n,observed,expected,oe,oe_low95,oe_high95,limit95_low,limit95_high,limit998_low,limit998_high," +
            "flag_exact,od_limit998_low,od_limit998_high,flag_overdispersed\n");
        foreach (var u in released)
        {
            table.AppendJoin(',', Csv(u.Unit), u.Status, N(u.Persons), N(u.Denominator), N(u.Observed), D(u.Expected), D(u.Ratio), D(u.Low), D(u.High),
                D(u.Exact?.Low95), D(u.Exact?.High95), D(u.Exact?.Low998), D(u.Exact?.High998), Flag(u.ExactFlag),
                D(u.Adjusted?.Low998), D(u.Adjusted?.High998), Flag(u.AdjustedFlag)).Append('\n');
        }

        var summary = new StringBuilder("statistic,value\n");
        foreach (var (name, value) in Summary(indicator, year, level, report, released, minCell))
        {
            summary.Append(name).Append(',').Append(Csv(value)).Append('\n');
        }

        var points = released.Where(u => u.Expected is not null && u.Ratio is not null && u.Exact is not null)
            .Select(u => new FunnelPoint(u.Unit, u.Expected!.Value, u.Ratio!.Value, u.AdjustedFlag ?? FunnelPosition.Within)).ToList();
        var title = $"{indicator.Label}, {year.ToString(CultureInfo.InvariantCulture)}, by {IndicatorCatalogue.LevelName(level)}";
        var files = new[] { stem + ".csv", stem + "_summary.csv", stem + "_funnel.svg" };
        File.WriteAllText(files[0], table.ToString());
        File.WriteAllText(files[1], summary.ToString());
        File.WriteAllText(files[2], FunnelPlotSvg.Render(title, points, report.Tau2));
        return files;
    }

    public static void Print(IAnsiConsole console, IndicatorDefinition indicator, int year, UnitLevel level, VariabilityReport report,
        IReadOnlyList<ReleasedUnit> released, IReadOnlyList<string> files)
    {
        console.MarkupLineInterpolated($"[bold]{indicator.Label}[/] ({indicator.Id}), {year}, by {IndicatorCatalogue.LevelName(level)}");
        var grid = new Table().AddColumns("statistic", "value");
        foreach (var (name, value) in Summary(indicator, year, level, report, released, 0).Skip(4))
        {
            grid.AddRow(name, Markup.Escape(value));
        }

        console.Write(grid);
        var flagged = released.Where(u => u.AdjustedFlag is FunnelPosition.High998 or FunnelPosition.Low998).ToList();
        console.MarkupLineInterpolated($"Units beyond the overdispersion-adjusted 99.8 % limits: {flagged.Count}");
        foreach (var u in flagged)
        {
            console.MarkupLineInterpolated($"  {u.Unit}: O/E {D(u.Ratio)} [[{D(u.Low)}; {D(u.High)}]], n {N(u.Denominator)} ({Flag(u.AdjustedFlag)})");
        }

        foreach (var f in files)
        {
            console.MarkupLineInterpolated($"[grey]wrote {f}[/]");
        }
    }

    private static IEnumerable<(string Name, string Value)> Summary(IndicatorDefinition indicator, int year, UnitLevel level, VariabilityReport r,
        IReadOnlyList<ReleasedUnit> released, int minCell)
    {
        yield return ("indicator", indicator.Id);
        yield return ("year", year.ToString(CultureInfo.InvariantCulture));
        yield return ("by", IndicatorCatalogue.LevelName(level));
        yield return ("min_cell", minCell.ToString(CultureInfo.InvariantCulture));
        yield return ("units_compared", r.Units.Length.ToString(CultureInfo.InvariantCulture));
        yield return ("units_pooled", r.Pooled.Units.ToString(CultureInfo.InvariantCulture));
        yield return ("rows_published", released.Count(u => u.Status == "published").ToString(CultureInfo.InvariantCulture));
        yield return ("rows_hidden", released.Count(u => u.Status != "published").ToString(CultureInfo.InvariantCulture));
        yield return ("denominator_total", r.TotalDenominator.ToString(CultureInfo.InvariantCulture));
        yield return ("crude_rate", D(r.CrudeRate));
        yield return ("phi", D(r.Phi));
        yield return ("tau2", D(r.Tau2));
        yield return ("extremal_quotient", D(r.ExtremalQuotient));
        yield return ("coefficient_of_variation", D(r.CoefficientOfVariation));
        yield return ("systematic_component_x100", D(r.SystematicComponent));
        yield return ("random_intercept_variance", D(r.Multilevel?.Variance));
        yield return ("icc", D(r.Multilevel?.Icc));
        yield return ("median_odds_ratio", D(r.Multilevel?.MedianOddsRatio));
        yield return ("random_intercept_variance_age_sex", D(r.MultilevelAdjusted?.Variance));
        yield return ("icc_age_sex", D(r.MultilevelAdjusted?.Icc));
        yield return ("median_odds_ratio_age_sex", D(r.MultilevelAdjusted?.MedianOddsRatio));
        yield return ("flagged_exact_998", r.Units.Count(u => u.ExactFlag is FunnelPosition.High998 or FunnelPosition.Low998).ToString(CultureInfo.InvariantCulture));
        yield return ("flagged_overdispersed_998", r.Units.Count(u => u.AdjustedFlag is FunnelPosition.High998 or FunnelPosition.Low998).ToString(CultureInfo.InvariantCulture));
    }

    private static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string D(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("G6", CultureInfo.InvariantCulture) : "";

    private static string Flag(FunnelPosition? flag) => flag switch
    {
        null => "",
        FunnelPosition.High998 => "high_998",
        FunnelPosition.High95 => "high_95",
        FunnelPosition.Low998 => "low_998",
        FunnelPosition.Low95 => "low_95",
        _ => "within",
    };

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
