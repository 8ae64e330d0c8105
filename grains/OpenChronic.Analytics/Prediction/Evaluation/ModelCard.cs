using System.Text;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>A model card (task, data, features, method, metrics, limits) as Markdown.</summary>
public static class ModelCard
{
    public static string Render(PredictionSummary s, ModelReport r)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(r);
        var t = s.Task;
        var b = new StringBuilder();
        b.AppendLine(ReportWriter.Invariant($"# Model card: {r.Name} — {t.Target} within {t.HorizonDays} days"));
        b.AppendLine();
        b.AppendLine("## Task");
        b.AppendLine(ReportWriter.Invariant($"Index date 1 January {t.IndexYear}; population: persons of the beneficiary referential aged ≥ {t.MinimumAge}, alive at index, never registered for {t.Target} before index; those who die within the horizon without the outcome are excluded. Outcome: a registration (IR_IMB_R start) of {t.Target} within {t.HorizonDays} days after index."));
        b.AppendLine();
        b.AppendLine("## Data");
        b.AppendLine(ReportWriter.Invariant($"Training: index {t.IndexYear}, {s.TrainRows:N0} persons, {s.TrainPositives:N0} outcomes (each fits {r.Selection.FoldModels.Count - 1} of the {r.Selection.FoldModels.Count} fold models; recalibration: {r.RecalibrationBasis}). Temporal test: index {t.IndexYear + 1}, {s.TestRows:N0} persons, {s.TestPositives:N0} outcomes. Source: an Open Chronic database built from SNDS-format claims (synthetic here)."));
        b.AppendLine();
        b.AppendLine("## Features");
        b.AppendLine(ReportWriter.Invariant($"{s.Columns:N0} columns kept (non-zero in enough training rows), from the {t.LookbackDays} days before index: age, age band, sex, département, ALDs active at index, conditions of the year before (case definitions), and per window (365, 180, 30 days) log(1 + count) of dispensations by ATC level 3 and 4, consultations by specialty, stays by ICD-10 chapter of the principal diagnosis, diagnoses by ICD-10 category, biology by NABM code and family, CCAM acts by their first four characters, stays, all events, ALD-exonerated claims, and recency of the last event, GP visit and stay."));
        b.AppendLine();
        b.AppendLine("## Method");
        b.AppendLine(r.Description);
        b.AppendLine();
        b.AppendLine(ReportWriter.Invariant($"Hyper-parameters by stratified {r.Selection.FoldModels.Count}-fold cross-validation (AUC) on the training year; the model is the chosen setting's {r.Selection.FoldModels.Count} fold models, their logits averaged (no refit on all rows):"));
        b.AppendLine();
        for (var i = 0; i < r.Selection.Candidates.Count; i++)
        {
            b.AppendLine(ReportWriter.Invariant($"- {r.Selection.Candidates[i]}: {r.Selection.MeanAuc[i]:F3}{(i == r.Selection.Best ? " (chosen)" : "")}"));
        }

        b.AppendLine();
        b.AppendLine(ReportWriter.Invariant($"Recalibration: p' = expit({r.Recalibration.Intercept:F3} + {r.Recalibration.Slope:F3} · logit p), fitted on the training year: {r.RecalibrationBasis} (out-of-fold: each row predicted by the fold model that did not see it; SIMEX: that fit extrapolated to the fold average's noise level; nested: each fold predicted by an average of models fitted inside the other folds)."));
        b.AppendLine();
        b.AppendLine("## Metrics on the temporal test year");
        b.AppendLine();
        b.AppendLine("| | raw | recalibrated |");
        b.AppendLine("|---|---|---|");
        var m = r.Test;
        var c = r.TestRecalibrated;
        b.AppendLine(ReportWriter.Invariant($"| AUROC [95 % CI DeLong] | {m.Auroc.Auc:F3} [{m.AurocDeLong.Low:F3}, {m.AurocDeLong.High:F3}] | {c.Auroc.Auc:F3} |"));
        b.AppendLine(ReportWriter.Invariant($"| AUROC 95 % CI Hanley–McNeil | [{m.Auroc.Low:F3}, {m.Auroc.High:F3}] | |"));
        if (s.Reference is { } reference)
        {
            b.AppendLine(ReportWriter.Invariant($"| true-risk AUROC (generator's own risk, same rows) | {reference.Auroc.Auc:F3} | |"));
        }

        b.AppendLine(ReportWriter.Invariant($"| AUPRC / average precision | {m.Auprc:F3} / {m.AveragePrecision:F3} | {c.Auprc:F3} / {c.AveragePrecision:F3} |"));
        b.AppendLine(ReportWriter.Invariant($"| Brier / scaled Brier | {m.Brier.Brier:F4} / {m.Brier.Scaled:F3} | {c.Brier.Brier:F4} / {c.Brier.Scaled:F3} |"));
        b.AppendLine(ReportWriter.Invariant($"| mean predicted / observed | {m.InTheLarge.MeanPredicted:F4} / {m.InTheLarge.ObservedRate:F4} | {c.InTheLarge.MeanPredicted:F4} / {c.InTheLarge.ObservedRate:F4} |"));
        b.AppendLine(ReportWriter.Invariant($"| calibration-in-the-large intercept | {m.InTheLarge.Intercept:F3} | {c.InTheLarge.Intercept:F3} |"));
        b.AppendLine(ReportWriter.Invariant($"| weak calibration intercept / slope | {m.Weak.Intercept:F3} / {m.Weak.Slope:F3} | {c.Weak.Intercept:F3} / {c.Weak.Slope:F3} |"));
        b.AppendLine(ReportWriter.Invariant($"| E-avg / E90 / E-max | {m.Errors.EAverage:F4} / {m.Errors.E90:F4} / {m.Errors.EMax:F4} | {c.Errors.EAverage:F4} / {c.Errors.E90:F4} / {c.Errors.EMax:F4} |"));
        b.AppendLine(ReportWriter.Invariant($"| Hosmer–Lemeshow χ² (df, p) | {m.HosmerLemeshow.ChiSquare:F1} ({m.HosmerLemeshow.DegreesOfFreedom}, {m.HosmerLemeshow.PValue:F3}) | {c.HosmerLemeshow.ChiSquare:F1} ({c.HosmerLemeshow.DegreesOfFreedom}, {c.HosmerLemeshow.PValue:F3}) |"));
        b.AppendLine();
        b.AppendLine("## Limits");
        b.AppendLine("- Trained and tested on synthetic claims: the signals before onset are those the generator plants; real SNDS performance will differ (published claims models for diabetes onset reach AUC 0.6–0.8).");
        b.AppendLine("- The outcome is the administrative ALD registration, which lags clinical onset; persons who die within the horizon without it are excluded.");
        b.AppendLine("- One temporal split (train on one year, test on the next); the split by region (if run) is in `report.md`; AUC intervals assume independent rows (one row per person and year).");
        b.AppendLine("- Patient-level scores never leave the grid process; this card and the report hold aggregates only.");
        return b.ToString();
    }
}
