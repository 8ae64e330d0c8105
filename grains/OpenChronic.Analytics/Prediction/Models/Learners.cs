using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace OpenChronic.Analytics.Prediction.Models;

/// <summary>The ML.NET learners of issue 8 with their hyper-parameter grids (small, so that cross-validation stays cheap).</summary>
public static class Learners
{
    /// <summary>Penalised logistic regression (L-BFGS, features min–max scaled): L1-heavy (lasso-like) and L2-heavy (ridge-like) settings.</summary>
    public static MlNetLearner LogisticRegression(int threads = 1)
    {
        (float L1, float L2)[] grid = [(1f, 0.1f), (5f, 0.1f), (0.1f, 1f), (0.1f, 10f)];
        return new MlNetLearner("glm", "Logistic regression with elastic-net penalty (ML.NET LbfgsLogisticRegression), min–max scaled features.",
            [.. grid.Select(g => (Setting: Invariant($"l1={g.L1}, l2={g.L2}"), Pipeline: (Func<MLContext, IEstimator<ITransformer>>)(c =>
                c.Transforms.NormalizeMinMax("Features").Append(c.BinaryClassification.Trainers.LbfgsLogisticRegression(
                    new LbfgsLogisticRegressionBinaryTrainer.Options
                    {
                        L1Regularization = g.L1,
                        L2Regularization = g.L2,
                        NumberOfThreads = threads,
                        OptimizationTolerance = 1e-6f,
                    })))))]);
    }

    /// <summary>Random forest (ML.NET FastForest, 200 trees), scores mapped to probabilities by Platt scaling on the training data.</summary>
    public static MlNetLearner RandomForest(int threads = 1)
    {
        (int Leaves, int MinLeaf)[] grid = [(32, 50), (64, 20)];
        return new MlNetLearner("rf", "Random forest (ML.NET FastForest, 200 trees, 70 % of features per split), Platt-scaled.",
            [.. grid.Select(g => (Setting: Invariant($"leaves={g.Leaves}, min_leaf={g.MinLeaf}"), Pipeline: (Func<MLContext, IEstimator<ITransformer>>)(c =>
                c.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
                {
                    NumberOfTrees = 200,
                    NumberOfLeaves = g.Leaves,
                    MinimumExampleCountPerLeaf = g.MinLeaf,
                    FeatureFraction = 0.7,
                    NumberOfThreads = threads,
                }).Append(c.BinaryClassification.Calibrators.Platt()))))]);
    }

    /// <summary>Gradient-boosted trees (ML.NET FastTree, MART, 200 trees).</summary>
    public static MlNetLearner GradientBoosting(int threads = 1)
    {
        (double Rate, int Leaves)[] grid = [(0.05, 16), (0.1, 8)];
        return new MlNetLearner("gbm", "Gradient-boosted trees (ML.NET FastTree, 200 trees, min 50 rows a leaf).",
            [.. grid.Select(g => (Setting: Invariant($"learning_rate={g.Rate}, leaves={g.Leaves}"), Pipeline: (Func<MLContext, IEstimator<ITransformer>>)(c =>
                c.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfTrees = 200,
                    NumberOfLeaves = g.Leaves,
                    LearningRate = g.Rate,
                    MinimumExampleCountPerLeaf = 50,
                    NumberOfThreads = threads,
                }))))]);
    }

    /// <summary>Gradient-boosted trees (ML.NET LightGbm, 200 rounds).</summary>
    public static MlNetLearner LightGbm(int threads = 1)
    {
        (double Rate, int Leaves)[] grid = [(0.05, 16), (0.1, 8)];
        return new MlNetLearner("lightgbm", "Gradient-boosted trees (ML.NET LightGbm, 200 rounds, min 50 rows a leaf).",
            [.. grid.Select(g => (Setting: Invariant($"learning_rate={g.Rate}, leaves={g.Leaves}"), Pipeline: (Func<MLContext, IEstimator<ITransformer>>)(c =>
                c.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    NumberOfIterations = 200,
                    NumberOfLeaves = g.Leaves,
                    LearningRate = g.Rate,
                    MinimumExampleCountPerLeaf = 50,
                    NumberOfThreads = threads,
                    Seed = 1,
                }))))]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
