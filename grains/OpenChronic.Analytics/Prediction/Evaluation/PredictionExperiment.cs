using System.Diagnostics;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// Temporal validation of several learners: on the training year, a stratified hold-out (default 20 %) is kept for
/// recalibration; hyper-parameters are chosen by stratified k-fold cross-validation on the rest, the chosen setting is
/// trained on the rest, a weak (intercept and slope) logistic recalibration is fitted on the hold-out, and the model is
/// evaluated on the test year before and after recalibration.
/// </summary>
public sealed class PredictionExperiment(int seed, int folds = 3, double heldOutShare = 0.2)
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

        var (fitRows, heldOutRows) = ModelSelection.Split(train.Labels, heldOutShare, seed);
        var fit = train.Subset(fitRows);
        var heldOut = train.Subset(heldOutRows);
        var reports = new List<ModelReport>();
        foreach (var learner in learners)
        {
            var clock = Stopwatch.StartNew();
            var selection = ModelSelection.CrossValidate(learner, fit, folds, seed);
            var selectionTime = clock.Elapsed;
            progress?.Invoke($"{learner.Name}: cross-validated AUC {string.Join(", ", selection.MeanAuc.Select(a => a.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)))}; chosen {selection.Candidates[selection.Best]}");
            clock.Restart();
            var model = learner.Train(fit, selection.Best, seed);
            var trainingTime = clock.Elapsed;
            var recalibration = FitRecalibration(model.Predict(heldOut), heldOut.Labels);
            var raw = model.Predict(test);
            var recalibrated = Apply(raw, recalibration);
            reports.Add(new ModelReport(learner.Name, learner.Description, selection, model, recalibration,
                Evaluator.Evaluate(raw, test.Labels), Evaluator.Evaluate(recalibrated, test.Labels), selectionTime, trainingTime));
            progress?.Invoke($"{learner.Name}: trained in {trainingTime.TotalSeconds:F1} s, test AUC {reports[^1].Test.Auroc.Auc:F3}");
        }

        return reports;
    }

    /// <summary>Intercept and slope of glm(y ~ logit p) on held-out rows.</summary>
    public static (double Intercept, double Slope) FitRecalibration(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var logits = new double[predictions.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = LogisticFit.Logit(predictions[i]);
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
