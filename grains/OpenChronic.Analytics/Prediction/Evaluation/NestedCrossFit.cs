using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// Nested cross-fitting of one candidate on the training year: for each outer fold, K models are fitted on stratified
/// folds of the other rows and their average (logit scale, as the delivered model) predicts the outer fold, which none
/// of them saw (K² fits). <see cref="Predictions"/> are those held-out ensemble predictions; a recalibration fitted on
/// them is the "nested" method. The same inner fits also check the other methods on the training year alone: each
/// outer fold's ensemble is recalibrated the way the delivered one would be (on its own inner out-of-fold predictions,
/// plain and by SIMEX), then applied to the outer fold, so the slope of the outcome on those recalibrated predictions
/// (<see cref="OutOfFoldRecalibrated"/>, <see cref="SimexRecalibrated"/>; 1 is right) measures each method without
/// looking at the test year.
/// </summary>
/// <param name="Predictions">Each row's prediction by the ensemble of the other outer folds.</param>
/// <param name="OutOfFoldRecalibrated">The same, recalibrated on that ensemble's inner out-of-fold predictions.</param>
/// <param name="SimexRecalibrated">The same, recalibrated by SIMEX on them.</param>
public sealed record NestedCrossFit(double[] Predictions, double[] OutOfFoldRecalibrated, double[] SimexRecalibrated)
{
    /// <summary>Runs the nested cross-fitting of <paramref name="candidate"/> over the outer folds <paramref name="fold"/>.</summary>
    public static NestedCrossFit Run(IRiskLearner learner, FeatureBlock data, int candidate, int[] fold, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fold);
        var predictions = new double[data.Rows];
        var outOfFold = new double[data.Rows];
        var simex = new double[data.Rows];
        for (var k = 0; k < folds; k++)
        {
            var held = k;
            int[] outer = [.. Enumerable.Range(0, data.Rows).Where(r => fold[r] != held)];
            int[] inner = [.. Enumerable.Range(0, data.Rows).Where(r => fold[r] == held)];
            var fit = data.Subset(outer);
            var heldOut = data.Subset(inner);
            var innerSeed = seed + (1000 * (k + 1));
            var innerFold = ModelSelection.StratifiedFolds(fit.Labels, folds, innerSeed);
            var fitLogits = new double[folds][];
            var heldLogits = new double[inner.Length];
            for (var j = 0; j < folds; j++)
            {
                var part = j;
                var model = learner.Train(fit.Subset([.. Enumerable.Range(0, fit.Rows).Where(r => innerFold[r] != part)]), candidate, innerSeed + j);
                fitLogits[j] = LogisticFit.Logits(model.Predict(fit));
                var p = model.Predict(heldOut);
                for (var i = 0; i < p.Length; i++)
                {
                    heldLogits[i] += LogisticFit.Logit(p[i]) / folds;
                }
            }

            var innerOutOfFold = new double[fit.Rows];
            for (var r = 0; r < innerOutOfFold.Length; r++)
            {
                innerOutOfFold[r] = fitLogits[innerFold[r]][r];
            }

            var plain = PredictionExperiment.FitRecalibration([.. innerOutOfFold.Select(LogisticFit.Expit)], fit.Labels);
            var corrected = EnsembleRecalibration.Simex(innerOutOfFold, EnsembleRecalibration.NoiseReduction(fitLogits, innerFold), fit.Labels, innerSeed);
            for (var i = 0; i < inner.Length; i++)
            {
                var z = heldLogits[i];
                predictions[inner[i]] = LogisticFit.Expit(z);
                outOfFold[inner[i]] = LogisticFit.Expit(plain.Intercept + (plain.Slope * z));
                simex[inner[i]] = LogisticFit.Expit(corrected.Intercept + (corrected.Slope * z));
            }
        }

        return new NestedCrossFit(predictions, outOfFold, simex);
    }
}
