using System.Diagnostics;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// Validation of several learners on a (training, test) pair — the next year (temporal) or other regions: the
/// hyper-parameters are chosen by stratified k-fold cross-validation on the whole training set; the delivered model is
/// the chosen setting's K fold models averaged on the logit scale (<see cref="CrossFittedModel"/>, no refit on all
/// rows); a weak (intercept and slope) logistic recalibration is fitted on the training year by
/// <paramref name="method"/> (default: the out-of-fold predictions corrected by SIMEX to the ensemble's noise level,
/// <see cref="EnsembleRecalibration"/>), and the model is evaluated on the test set before and after recalibration.
/// With <paramref name="heldOutShare"/> &gt; 0 that stratified share of the training set is held out instead, CV uses
/// the rest, and the recalibration is fitted on the delivered model's hold-out predictions.
/// </summary>
public sealed class PredictionExperiment(int seed, int folds = 3, double heldOutShare = 0, RecalibrationMethod method = RecalibrationMethod.Simex)
{
    /// <summary>Runs every learner; <paramref name="progress"/> receives one line per step.</summary>
    public IReadOnlyList<ModelReport> Run(FeatureBlock train, FeatureBlock test, IReadOnlyList<IRiskLearner> learners, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(learners);
        if (train.ColumnCount != test.ColumnCount)
        {
            throw new ArgumentException("Train and test blocks must share their columns.", nameof(test));
        }

        FeatureBlock? heldOut = null;
        if (heldOutShare > 0)
        {
            var (fitRows, heldOutRows) = ModelSelection.Split(train.Labels, heldOutShare, seed);
            heldOut = train.Subset(heldOutRows);
            train = train.Subset(fitRows);
        }

        var reports = new List<ModelReport>();
        foreach (var learner in learners)
        {
            var clock = Stopwatch.StartNew();
            var selection = ModelSelection.CrossValidate(learner, train, folds, seed);
            var selectionTime = clock.Elapsed;
            progress?.Invoke($"{learner.Name}: cross-validated AUC {string.Join(", ", selection.MeanAuc.Select(a => a.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}; chosen {selection.Candidates[selection.Best]}");
            var model = new CrossFittedModel(selection.FoldModels);
            var raw = model.Predict(test);
            (double Intercept, double Slope) recalibration;
            string basis;
            if (heldOut is null)
            {
                clock.Restart();
                var variants = Variants(learner, train, selection, progress);
                (basis, recalibration) = (variants[^1].Basis, variants[^1].Fit);
                progress?.Invoke($"{learner.Name}: recalibration ({clock.Elapsed.TotalSeconds:F1} s) " + string.Join("; ", variants.Select(v =>
                    Invariant($"{v.Basis}{v.Detail} a = {v.Fit.Intercept:F3}, b = {v.Fit.Slope:F3} → test slope {Calibration.Weak(Apply(raw, v.Fit), test.Labels).Slope:F2}"))));
            }
            else
            {
                recalibration = FitRecalibration(model.Predict(heldOut), heldOut.Labels);
                basis = "the delivered model's predictions of a held-out share of the training year";
            }

            var recalibrated = Apply(raw, recalibration);
            reports.Add(new ModelReport(learner.Name, learner.Description, selection, model, recalibration,
                Evaluator.Evaluate(raw, test.Labels), Evaluator.Evaluate(recalibrated, test.Labels), selectionTime, TimeSpan.Zero, basis));
            progress?.Invoke($"{learner.Name}: {folds} fold models averaged, test AUC {reports[^1].Test.Auroc.Auc:F3}");
        }

        return reports;
    }

    // The recalibrations of the training year up to the chosen method (the last one): out-of-fold always, SIMEX
    // (cheap: K predictions of the training rows), nested cross-fitting only when asked (folds² more fits). The test
    // slopes printed beside them are for the comparison in docs/prediction.md; nothing is chosen on them.
    private List<(string Basis, string Detail, (double Intercept, double Slope) Fit)> Variants(IRiskLearner learner, FeatureBlock train, SelectionResult selection, Action<string>? progress)
    {
        var variants = new List<(string Basis, string Detail, (double Intercept, double Slope) Fit)>
        {
            ("out-of-fold", "", FitRecalibration(selection.OutOfFold, train.Labels)),
        };
        if (method == RecalibrationMethod.OutOfFold)
        {
            return variants;
        }

        var foldLogits = selection.FoldModels.Select(m => LogisticFit.Logits(m.Predict(train))).ToArray();
        var oof = LogisticFit.Logits(selection.OutOfFold);
        var reduction = EnsembleRecalibration.NoiseReduction(foldLogits, selection.Fold);
        var ratio = EnsembleRecalibration.AttenuationRatio(oof, reduction);
        variants.Add(("SIMEX", Invariant($" (variance ratio {ratio:F3})"), EnsembleRecalibration.Simex(oof, reduction, train.Labels, seed)));
        if (method == RecalibrationMethod.Nested)
        {
            var nested = NestedCrossFit.Run(learner, train, selection.Best, selection.Fold, folds, seed);
            variants.Add(("nested", "", FitRecalibration(nested.Predictions, train.Labels)));
            progress?.Invoke(Invariant($"{learner.Name}: training-year check (nested folds): slope of the outcome on the held-out ensemble's predictions {Calibration.Weak(nested.Predictions, train.Labels).Slope:F2} raw, {Calibration.Weak(nested.OutOfFoldRecalibrated, train.Labels).Slope:F2} after its out-of-fold recalibration, {Calibration.Weak(nested.SimexRecalibrated, train.Labels).Slope:F2} after SIMEX (1 is right)"));
        }

        return variants;
    }

    private static string Invariant(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Intercept and slope of glm(y ~ logit p) on predictions of rows the model did not see; when they are all the same
    /// (a model that found no split or no signal, e.g. on a handful of events) only the intercept is fitted, slope 1.
    /// </summary>
    public static (double Intercept, double Slope) FitRecalibration(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var logits = new double[predictions.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = LogisticFit.Logit(predictions[i]);
        }

        if (Calibration.IsConstant(logits))
        {
            return (LogisticFit.Fit(new double[logits.Length], logits, outcomes, fitSlope: false).Intercept, 1);
        }

        return LogisticFit.Fit(logits, new double[logits.Length], outcomes, fitSlope: true);
    }

    /// <summary>p' = expit(a + b·logit p).</summary>
    public static double[] Apply(ReadOnlySpan<double> predictions, (double Intercept, double Slope) recalibration)
    {
        var result = new double[predictions.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = LogisticFit.Expit(recalibration.Intercept + (recalibration.Slope * LogisticFit.Logit(predictions[i])));
        }

        return result;
    }
}
