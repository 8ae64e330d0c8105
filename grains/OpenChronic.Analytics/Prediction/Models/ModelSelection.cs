using System.Runtime.ExceptionServices;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>
/// The cross-validated AUC of each candidate, the one chosen, the chosen candidate's out-of-fold predictions (each row
/// predicted by the fold model that did not see it), which the recalibration is fitted on, and its fold models, whose
/// average is the delivered model (<see cref="CrossFittedModel"/>), and each row's fold (the fold model that did not see it).
/// </summary>
public sealed record SelectionResult(IReadOnlyList<string> Candidates, IReadOnlyList<double> MeanAuc, int Best, double[] OutOfFold,
    IReadOnlyList<IRiskModel> FoldModels, int[] Fold);

/// <summary>Stratified k-fold cross-validation over a learner's candidates, and seeded stratified splits.</summary>
public static class ModelSelection
{
    /// <summary>
    /// Mean held-out AUC of every candidate over <paramref name="folds"/> stratified folds; the best is the highest
    /// (the first on ties). Only the best candidate so far keeps its fold models. The folds of a candidate are trained
    /// at the same time, up to <paramref name="parallelism"/> at once (default: one per processor; the learners train
    /// each model on one thread); every fold has its own seed and the results are gathered in fold order, so the
    /// result does not depend on the parallelism.
    /// </summary>
    public static SelectionResult CrossValidate(IRiskLearner learner, FeatureBlock data, int folds, int seed, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        var fold = StratifiedFolds(data.Labels, folds, seed);
        var candidates = learner.Candidates;
        var means = new double[candidates.Count];
        var outOfFold = new double[candidates.Count][];
        var trainRows = new int[folds][];
        var testRows = new int[folds][];
        IRiskModel[] bestModels = [];
        var best = 0;
        for (var k = 0; k < folds; k++)
        {
            var held = k;
            trainRows[k] = [.. Enumerable.Range(0, data.Rows).Where(r => fold[r] != held)];
            testRows[k] = [.. Enumerable.Range(0, data.Rows).Where(r => fold[r] == held)];
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism == 0 ? Environment.ProcessorCount : parallelism };
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = c;
            var models = new IRiskModel[folds];
            var aucs = new double[folds];
            outOfFold[c] = new double[data.Rows];
            ForEachFold(folds, options, k =>
            {
                var test = data.Subset(testRows[k]);
                models[k] = learner.Train(data.Subset(trainRows[k]), candidate, seed + k);
                var predicted = models[k].Predict(test);
                aucs[k] = Discrimination.Auroc(predicted, test.Labels).Auc;
                for (var i = 0; i < predicted.Length; i++)
                {
                    outOfFold[candidate][testRows[k][i]] = predicted[i];
                }
            });

            double sum = 0;
            for (var k = 0; k < folds; k++)
            {
                sum += aucs[k];
            }

            means[c] = sum / folds;
            if (c == 0 || means[c] > means[best])
            {
                best = c;
                bestModels = models;
            }
        }

        return new SelectionResult(candidates, means, best, outOfFold[best], bestModels, fold);
    }

    // Parallel.For, but a fold's failure surfaces as itself (the first one), not wrapped in an AggregateException, so
    // that callers see the same exception as with one fold at a time.
    private static void ForEachFold(int folds, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(0, folds, options, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    /// <summary>Fold number (0..folds−1) of each row: positives and negatives each shuffled (seeded) and dealt in turn.</summary>
    public static int[] StratifiedFolds(IReadOnlyList<bool> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var random = new Random(seed);
        var fold = new int[labels.Count];
        foreach (var positive in new[] { true, false })
        {
            var rows = Enumerable.Range(0, labels.Count).Where(r => labels[r] == positive).ToArray();
            random.Shuffle(rows);
            for (var i = 0; i < rows.Length; i++)
            {
                fold[rows[i]] = i % folds;
            }
        }

        return fold;
    }

    /// <summary>Splits rows into (fit, held-out) with about <paramref name="heldOutShare"/> of each class held out.</summary>
    public static (int[] Fit, int[] HeldOut) Split(IReadOnlyList<bool> labels, double heldOutShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heldOutShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(heldOutShare, 1);
        var folds = (int)Math.Round(1 / heldOutShare);
        var fold = StratifiedFolds(labels, Math.Max(2, folds), seed);
        return ([.. Enumerable.Range(0, labels.Count).Where(r => fold[r] != 0)], [.. Enumerable.Range(0, labels.Count).Where(r => fold[r] == 0)]);
    }
}
