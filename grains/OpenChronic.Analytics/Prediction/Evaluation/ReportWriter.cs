using System.Globalization;
using System.Text;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Plots;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// Writes a prediction run's outputs: <c>report.md</c> (metrics table, true-risk AUC, attrition), one model card per
/// model (<c>card-NAME.md</c>), the trained models (<c>model-NAME.zip</c> or <c>.txt</c>), ROC and calibration plots (SVG). Only
/// aggregates leave: calibration deciles go through <see cref="CellSuppression"/> (events and non-events per decile),
/// ROC points are at least the small-cell threshold of persons apart, attrition counts are suppressed too.
/// </summary>
public static class ReportWriter
{
    private static readonly string[] s_outcomeNames = Enum.GetNames<TaskOutcome>();

    public static void Write(string directory, PredictionSummary summary, IReadOnlyList<ModelReport> reports, RegionValidation? regional = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reports);
        Directory.CreateDirectory(directory);
        foreach (var r in reports)
        {
            r.Model.Save(Path.Combine(directory, $"model-{r.Name}{r.Model.FileExtension}"));
            File.WriteAllText(Path.Combine(directory, $"card-{r.Name}.md"), ModelCard.Render(summary, r));
        }

        var roc = new SvgChart($"ROC, {summary.Task.Target}, test year {summary.Task.IndexYear + 1}", "1 − specificity", "sensitivity");
        foreach (var r in reports)
        {
            roc.Add($"{r.Name} ({r.Test.Auroc.Auc:F3})", [.. r.Test.Roc.Select(p => (p.FalsePositiveRate, p.TruePositiveRate))]);
        }

        if (summary.Reference is { } reference)
        {
            roc.Add($"true risk ({reference.Auroc.Auc:F3})", [.. reference.Roc.Select(p => (p.FalsePositiveRate, p.TruePositiveRate))]);
        }

        File.WriteAllText(Path.Combine(directory, "roc.svg"), roc.Render());
        foreach (var recalibrated in new[] { false, true })
        {
            var bins = reports.Select(r => (r.Name, Bins: Published(recalibrated ? r.TestRecalibrated : r.Test))).ToArray();
            var max = Math.Max(0.01, bins.SelectMany(b => b.Bins).Select(b => Math.Max(b.MeanPredicted, b.ObservedRate)).DefaultIfEmpty(0).Max() * 1.1);
            var chart = new SvgChart($"Calibration by decile{(recalibrated ? ", recalibrated" : "")}", "mean predicted risk", "observed rate", max, max);
            foreach (var (name, published) in bins)
            {
                chart.Add(name, [.. published.Select(b => (b.MeanPredicted, b.ObservedRate))], markers: true);
            }

            File.WriteAllText(Path.Combine(directory, recalibrated ? "calibration-recalibrated.svg" : "calibration.svg"), chart.Render());
        }

        File.WriteAllText(Path.Combine(directory, "report.md"), Report(summary, reports, regional));
    }

    /// <summary>The calibration deciles whose event and non-event counts both survive small-cell suppression.</summary>
    public static IReadOnlyList<CalibrationBin> Published(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = new long[result.Deciles.Count, 2];
        for (var i = 0; i < result.Deciles.Count; i++)
        {
            var events = (long)Math.Round(result.Deciles[i].Events);
            counts[i, 0] = events;
            counts[i, 1] = result.Deciles[i].Count - events;
        }

        if (result.Deciles.Count == 0)
        {
            return [];
        }

        var suppressed = CellSuppression.Apply(counts);
        return [.. result.Deciles.Where((_, i) => suppressed.Published(i, 0) is not null && suppressed.Published(i, 1) is not null)];
    }

    private static string Report(PredictionSummary s, IReadOnlyList<ModelReport> reports, RegionValidation? regional)
    {
        var b = new StringBuilder();
        var t = s.Task;
        b.AppendLine(Invariant($"# Prediction of {t.Target} within {t.HorizonDays} days"));
        b.AppendLine();
        b.AppendLine(Invariant($"Index 1 January {t.IndexYear} (training) and {t.IndexYear + 1} (temporal test); lookback {t.LookbackDays} days (windows 365/180/30); adults ≥ {t.MinimumAge}; {s.Persons:N0} persons in the database."));
        b.AppendLine(Invariant($"Training rows {s.TrainRows:N0} ({s.TrainPositives:N0} outcomes), test rows {s.TestRows:N0} ({s.TestPositives:N0} outcomes), {s.Columns:N0} feature columns; features extracted on the grid in {s.FeatureTime.TotalSeconds:F1} s."));
        b.AppendLine();
        MetricsTable(b, reports, s.Reference, s.Oracle);
        b.AppendLine();
        var folds = reports.Count > 0 ? reports[0].Selection.FoldModels.Count : 0;
        b.AppendLine(Invariant($"Each model is the average (logit scale) of its {folds} cross-validation fold models. Slope and CITL are glm(y ~ logit p) and glm(y ~ offset(logit p)) on the test year; \"recal.\" after the logistic recalibration fitted on the training year ({(reports.Count > 0 ? reports[0].RecalibrationBasis : "")}; {folds}-fold cross-validation).") + " Plots: `roc.svg`, `calibration.svg`, `calibration-recalibrated.svg` (deciles whose counts pass the small-cell rule). Model cards: `card-NAME.md`.");
        b.AppendLine();
        if (regional is not null)
        {
            b.AppendLine(Invariant($"## Split by region (index {t.IndexYear})"));
            b.AppendLine();
            b.AppendLine(Invariant($"Trained on régions {string.Join(", ", regional.TrainRegions)}: {regional.TrainRows:N0} rows ({Cell(Suppressed(regional.TrainPositives))} outcomes); tested on régions {string.Join(", ", regional.TestRegions)}: {regional.TestRows:N0} rows ({Cell(Suppressed(regional.TestPositives))} outcomes). Same procedure (cross-validation, recalibration) on the training régions only."));
            b.AppendLine();
            MetricsTable(b, regional.Reports, regional.Reference, regional.Oracle);
            b.AppendLine();
        }

        b.AppendLine("## Attrition (persons, small cells suppressed)");
        b.AppendLine();
        b.AppendLine(Invariant($"| outcome | {t.IndexYear} | {t.IndexYear + 1} |"));
        b.AppendLine("|---|---|---|");
        var counts = new long[TaskEligibility.OutcomeCount, 2];
        for (var i = 0; i < TaskEligibility.OutcomeCount; i++)
        {
            counts[i, 0] = i < s.TrainAttrition.Count ? s.TrainAttrition[i] : 0;
            counts[i, 1] = i < s.TestAttrition.Count ? s.TestAttrition[i] : 0;
        }

        var published = CellSuppression.Apply(counts);
        for (var i = 0; i < TaskEligibility.OutcomeCount; i++)
        {
            b.AppendLine(Invariant($"| {s_outcomeNames[i]} | {Cell(published.Published(i, 0))} | {Cell(published.Published(i, 1))} |"));
        }

        return b.ToString();
    }

    private static void MetricsTable(StringBuilder b, IReadOnlyList<ModelReport> reports, EvaluationResult? reference, EvaluationResult? oracle)
    {
        b.AppendLine("| model | AUC [95 % CI DeLong] | true-risk AUC | AUPRC | Brier | scaled Brier | CITL | slope | slope (recal.) [95 % CI] | CITL (recal.) | E-avg / E90 / E-max (recal.) | HL χ² (p, recal.) | CV s |");
        b.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var trueAuc = reference is { } rf ? Invariant($"{rf.Auroc.Auc:F3}") : "—";
        foreach (var r in reports)
        {
            var m = r.Test;
            var c = r.TestRecalibrated;
            b.AppendLine(Invariant($"| {r.Name} | {m.Auroc.Auc:F3} [{m.AurocDeLong.Low:F3}, {m.AurocDeLong.High:F3}] | {trueAuc} | {m.Auprc:F3} | {m.Brier.Brier:F4} | {m.Brier.Scaled:F3} | {m.InTheLarge.Intercept:F2} | {m.Weak.Slope:F2} | {c.Weak.Slope:F2} [{c.Weak.SlopeLow:F2}, {c.Weak.SlopeHigh:F2}] | {c.InTheLarge.Intercept:F2} | {c.Errors.EAverage:F4} / {c.Errors.E90:F4} / {c.Errors.EMax:F4} | {c.HosmerLemeshow.ChiSquare:F1} ({c.HosmerLemeshow.PValue:F3}) | {(r.SelectionTime + r.TrainingTime).TotalSeconds:F1} |"));
        }

        if (reference is { } e)
        {
            b.AppendLine(Invariant($"| true risk (generator) | {e.Auroc.Auc:F3} [{e.AurocDeLong.Low:F3}, {e.AurocDeLong.High:F3}] | | {e.Auprc:F3} | {e.Brier.Brier:F4} | {e.Brier.Scaled:F3} | {e.InTheLarge.Intercept:F2} | {e.Weak.Slope:F2} | | | {e.Errors.EAverage:F4} / {e.Errors.E90:F4} / {e.Errors.EMax:F4} | | |"));
        }

        if (oracle is { } o)
        {
            // The true risk with a pre-clinical phase that has left no planted trace before index counted as unseen.
            b.AppendLine(Invariant($"| observable-signal oracle | {o.Auroc.Auc:F3} [{o.AurocDeLong.Low:F3}, {o.AurocDeLong.High:F3}] | | {o.Auprc:F3} | {o.Brier.Brier:F4} | {o.Brier.Scaled:F3} | {o.InTheLarge.Intercept:F2} | {o.Weak.Slope:F2} | | | {o.Errors.EAverage:F4} / {o.Errors.E90:F4} / {o.Errors.EMax:F4} | | |"));
        }
    }

    private static long? Suppressed(int count) => count is > 0 and < CellSuppression.DefaultThreshold ? null : count;

    internal static string Cell(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "<11";

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
