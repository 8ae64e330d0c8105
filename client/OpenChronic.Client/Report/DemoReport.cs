using System.Globalization;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Analytics.Variability;
using OpenChronic.Client.Commands;

namespace OpenChronic.Client.Report;

/// <summary>
/// The demo's sections of the report, after the pathway sections: cohorts and their attrition, prediction,
/// coordination, variability (built on internal data: aggregates only, every count under the minimum cell size hidden,
/// figures taken from the files the commands wrote through their release gates) and privacy (from the released files).
/// </summary>
internal static partial class DemoReport
{
    /// <summary>The attrition of each example cohort (after the data overview).</summary>
    public static void Cohorts(HtmlReport report, DemoRun run)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(run);
        report.Section("cohorts", "Example cohorts and their attrition", ReportScope.Internal,
            "The three example cohorts of the library (docs/cohorts.md), defined on the grid by the cohort grains: persons remaining after each inclusion and exclusion step.");
        if (run.Cohorts.Count == 0)
        {
            report.Paragraph("No cohort was created in this run (see the console and summary.json).");
            return;
        }

        foreach (var cohort in run.Cohorts)
        {
            var steps = new List<(string Name, long Remaining, long? Removed)> { ("all persons of the database", cohort.Persons, null) };
            steps.AddRange(cohort.Attrition.Select(s => (s.Name, s.Remaining, (long?)s.Removed)));
            report.Table($"{cohort.Label} ({cohort.Name})", ["step", "remaining", "removed"],
                steps.Select(s => (IReadOnlyList<string>)[s.Name, Cell(s.Remaining), s.Removed is { } r ? Cell(r) : ""]));
            report.Figure(BarChartSvg.Render([.. steps.Select(s => (s.Name, (IReadOnlyList<double>)[s.Remaining < DemoRun.MinCell ? 0.0 : s.Remaining]))],
                ["persons remaining"], $"Attrition: {cohort.Label}", "persons"), $"Attrition of the {cohort.Label} cohort.");
        }
    }

    /// <summary>Prediction, coordination, variability and privacy (after the pathway sections).</summary>
    public static void Analyses(HtmlReport report, DemoRun run)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(run);
        Prediction(report, run);
        Coordination(report, run);
        Variability(report, run);
        Privacy(report, run);
    }

    private static void Prediction(HtmlReport report, DemoRun run)
    {
        if (run.Prediction is not { } p)
        {
            report.Section("prediction", "Prediction", ReportScope.Internal, "The prediction stage did not succeed in this run (see the console and summary.json).");
            return;
        }

        report.Section("prediction", "Prediction of ALD entry", ReportScope.Internal,
            $"Target {p.Target}: entry into a long-term condition (ALD) within 365 days, features over the 365 days before 1 January. Models trained on {p.TrainYear} " +
            $"and tested on {p.TrainYear + 1} (temporal validation). ROC points are at least {DemoRun.MinCell} persons apart and calibration deciles go through cell suppression.");
        report.Table("Models on the test year", ["model", "AUC [95 % CI]", "AUPRC", "Brier", "calibration slope", "slope after recalibration"],
            p.Reports.Select(m => (IReadOnlyList<string>)[m.Name, F($"{m.Test.Auroc.Auc:F3} [{m.Test.Auroc.Low:F3}, {m.Test.Auroc.High:F3}]"), F($"{m.Test.Auprc:F3}"),
                F($"{m.Test.Brier.Brier:F4}"), F($"{m.Test.Weak.Slope:F2}"), F($"{m.TestRecalibrated.Weak.Slope:F2}")]));
        Embed(report, Path.Combine(p.Directory, "roc.svg"), "roc", $"ROC curves on the test year {p.TrainYear + 1} (AUC in the legend).");
        Embed(report, Path.Combine(p.Directory, "calibration.svg"), "calibration", "Calibration by decile of predicted risk on the test year (deciles with a small cell not drawn).");
    }

    private static void Coordination(HtmlReport report, DemoRun run)
    {
        if (run.Coordination is not { } c)
        {
            report.Section("coordination", "Coordination", ReportScope.Internal, "The coordination stage did not succeed in this run (see the console and summary.json).");
            return;
        }

        var n = c.National;
        report.Section("coordination", "Coordination of care: heart-failure cohort", ReportScope.Internal,
            $"Continuity of care indices and follow-up after heart-failure stays (principal diagnosis I50) of the persons with heart failure in {c.Year} " +
            "(the heart_failure condition of the case-definition catalogue, wider than the ALD-based example cohort), by département of residence. " +
            $"Tables and figures went through the release gate (cells under {DemoRun.MinCell} persons hidden); the full tables are in coordination/.");
        var stays = n[CoordinationCount.Stays];
        var stayPersons = n[CoordinationCount.StayPersons];
        string Rate(CoordinationCount count) => stays == 0 ? "—" : stayPersons < DemoRun.MinCell ? $"< {DemoRun.MinCell} persons" : F($"{n[count] / (double)stays:P1}");
        report.Table("National figures", ["measure", "value"],
        [
            ["persons of the cohort", Cell(n[CoordinationCount.Persons])],
            ["départements", c.Territories.Count.ToString(CultureInfo.InvariantCulture)],
            ["COC index, median", F($"{n.Quantile(CoordinationMeasure.Coc, 0.5):F3}")],
            ["UPC (most-seen GP), median", F($"{n.Quantile(CoordinationMeasure.UpcMostSeenGp, 0.5):F3}")],
            ["GP-only UPC, median", F($"{n.Quantile(CoordinationMeasure.GpUpc, 0.5):F3}")],
            ["care density, mean", F($"{n.Mean(CoordinationMeasure.CareDensity):F2}")],
            ["index stays (persons)", $"{Cell(stays)} ({Cell(stayPersons)})"],
            ["GP contact within 7 / 30 days of discharge", $"{Rate(CoordinationCount.GpWithin7)} / {Rate(CoordinationCount.GpWithin30)}"],
            ["specialist within 7 / 30 days", $"{Rate(CoordinationCount.SpecialistWithin7)} / {Rate(CoordinationCount.SpecialistWithin30)}"],
            ["readmission within 30 days", Rate(CoordinationCount.ReadmittedWithin30)],
        ]);
        Embed(report, Path.Combine(c.Directory, "distributions.svg"), "coordination-distributions", "Distributions of the continuity indices and of the days to the first contact (suppressed bins grey).");
        var drawn = c.Territories.Count(t => t.Value.Tally[CoordinationCount.StayPersons] >= DemoRun.MinCell);
        Embed(report, Path.Combine(c.Directory, "followup_by_territory.svg"), "coordination-followup",
            $"GP contact after discharge by département: {drawn} of {c.Territories.Count} départements have at least {DemoRun.MinCell} persons with an index stay and can be drawn.");
    }

    private static void Variability(HtmlReport report, DemoRun run)
    {
        report.Section("variability", "Variability between départements", ReportScope.Internal,
            "Indicators standardised indirectly for age and sex, each département's observed/expected ratio placed on exact and overdispersion-adjusted funnels. " +
            $"Released rows only (units under {DemoRun.MinCell} persons pooled, cells suppressed with complementary suppression); full tables in variability/.");
        if (run.Variability.Count == 0)
        {
            report.Paragraph("The variability stage did not succeed in this run (see the console and summary.json).");
            return;
        }

        foreach (var v in run.Variability)
        {
            var r = v.Report;
            var flagged = r.Units.Count(u => u.AdjustedFlag is FunnelPosition.High998 or FunnelPosition.Low998);
            report.Paragraph(F($"{v.Indicator.Label} ({v.Indicator.Id}), {v.Year}: {r.Units.Length} départements compared, crude rate {r.CrudeRate:P1}, φ = {Finite(r.Phi, "F2")}, τ² = {Finite(r.Tau2, "G3")}; {flagged} beyond the overdispersion-adjusted 99.8 % limits."));
            Embed(report, v.Files.FirstOrDefault(f => f.EndsWith("_funnel.svg", StringComparison.Ordinal)) ?? "", "funnel-" + v.Indicator.Id,
                $"Funnel plot: {v.Indicator.Label}, {v.Year}.");
            var ranked = v.Released.Where(u => u.Status == "published" && u.Ratio is not null).OrderByDescending(u => u.Ratio).ToList();
            var shown = ranked.Count <= 20 ? ranked : [.. ranked.Take(10), .. ranked.TakeLast(10)];
            report.Table(ranked.Count <= 20 ? $"Départements ranked by O/E: {v.Indicator.Id}" : $"Départements ranked by O/E (10 highest and 10 lowest of {ranked.Count}): {v.Indicator.Id}",
                ["rank", "département", "n", "observed", "expected", "O/E [95 % CI]", "funnel (adjusted)"],
                shown.Select(u => (IReadOnlyList<string>)[(ranked.IndexOf(u) + 1).ToString(CultureInfo.InvariantCulture), u.Unit, N(u.Denominator), N(u.Observed),
                    F($"{u.Expected:F1}"), F($"{u.Ratio:F2} [{u.Low:F2}, {u.High:F2}]"), Position(u.AdjustedFlag)]));
        }
    }

    private static string Position(FunnelPosition? flag) => flag switch
    {
        FunnelPosition.High998 => "above 99.8 %",
        FunnelPosition.High95 => "above 95 %",
        FunnelPosition.Low998 => "below 99.8 %",
        FunnelPosition.Low95 => "below 95 %",
        null => "",
        _ => "within",
    };

    private static void Embed(HtmlReport report, string path, string id, string caption)
    {
        if (SvgFile.Read(path, id) is { } svg)
        {
            report.Figure(svg, caption);
        }
        else
        {
            report.Paragraph($"Figure missing: {Path.GetFileName(path)} was not written.");
        }
    }

    // NaN when too few units are compared: shown as a dash.
    private static string Finite(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string N(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "hidden";

    private static string Cell(long persons) => PathwayReport.Cell(persons, DemoRun.MinCell);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
