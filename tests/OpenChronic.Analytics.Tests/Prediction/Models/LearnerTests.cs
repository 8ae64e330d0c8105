using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.Tests.Prediction.Models;

public sealed class LearnerTests
{
    public static TheoryData<string> Names => ["glm", "rf", "gbm", "lightgbm", "gru"];

    private static IRiskLearner ByName(string name) => name switch
    {
        "glm" => Learners.LogisticRegression(),
        "rf" => Learners.RandomForest(),
        "gbm" => Learners.GradientBoosting(),
        "lightgbm" => Learners.LightGbm(),
        _ => new GruLearner(),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Train_PlantedSignal_AucAbove08AndProbabilities(string name)
    {
        var train = PlantedSignal.Make(2000, 1);
        var test = PlantedSignal.Make(1500, 2);
        var learner = ByName(name);

        var model = learner.Train(train, 0, 7);
        var p = model.Predict(test);

        Assert.Equal(name, model.Name);
        Assert.All(p, v => Assert.InRange(v, 0, 1));
        Assert.True(Discrimination.Auroc(p, test.Labels).Auc > 0.8, $"{name} AUC {Discrimination.Auroc(p, test.Labels).Auc}");
    }

    [Fact]
    public void CrossValidate_PlantedSignal_ScoresEveryCandidate()
    {
        var data = PlantedSignal.Make(1000, 3);

        var result = ModelSelection.CrossValidate(Learners.LogisticRegression(), data, 3, 5);

        Assert.Equal(4, result.MeanAuc.Count);
        Assert.All(result.MeanAuc, auc => Assert.InRange(auc, 0.75, 1));
        Assert.Equal(result.MeanAuc.Max(), result.MeanAuc[result.Best]);
    }

    [Fact]
    public void CrossValidate_OutOfFold_EveryRowPredictedByAModelThatDidNotSeeIt()
    {
        var data = PlantedSignal.Make(1500, 3);

        var result = ModelSelection.CrossValidate(Learners.LogisticRegression(), data, 3, 5);

        Assert.Equal(data.Rows, result.OutOfFold.Length);
        Assert.All(result.OutOfFold, p => Assert.InRange(p, 1e-9, 1 - 1e-9));
        Assert.Equal(result.MeanAuc[result.Best], Discrimination.Auroc(result.OutOfFold, data.Labels).Auc, 1);
    }

    [Fact]
    public void Run_RecalibratedOnOutOfFold_TestSlopeNearOne()
    {
        var train = PlantedSignal.Make(3000, 11);
        var test = PlantedSignal.Make(3000, 12);

        var report = new OpenChronic.Analytics.Prediction.Evaluation.PredictionExperiment(3).Run(train, test, [Learners.LogisticRegression()]).Single();

        Assert.InRange(report.TestRecalibrated.Weak.Slope, 0.8, 1.2);
        Assert.InRange(report.TestRecalibrated.InTheLarge.Intercept, -0.2, 0.2);
    }

    [Fact]
    public void Run_HoldOutRecalibration_DiffersFromOutOfFoldAndStaysNearOne()
    {
        var train = PlantedSignal.Make(3000, 11);
        var test = PlantedSignal.Make(3000, 12);
        var learners = new[] { Learners.LogisticRegression() };

        var holdOut = new OpenChronic.Analytics.Prediction.Evaluation.PredictionExperiment(3, heldOutShare: 0.2).Run(train, test, learners).Single();
        var outOfFold = new OpenChronic.Analytics.Prediction.Evaluation.PredictionExperiment(3).Run(train, test, learners).Single();

        Assert.NotEqual(outOfFold.Recalibration, holdOut.Recalibration);
        Assert.Equal(ModelSelection.Split(train.Labels, 0.2, 3).Fit.Length, holdOut.Selection.OutOfFold.Length);
        Assert.InRange(holdOut.TestRecalibrated.Weak.Slope, 0.75, 1.25);
    }

    [Fact]
    public void GruNetwork_Backward_MatchesFiniteDifferences()
    {
        var network = new GruNetwork(3, 4, 2, new Random(3));
        var random = new Random(4);
        var sequence = Enumerable.Range(0, 15).Select(_ => random.NextSingle()).ToArray();
        float[] statics = [0.5f, -1f];
        var trace = new GruNetwork.Trace(5, 4);
        var logit = network.Forward(sequence, statics, trace);
        var gradient = new double[network.Parameters.Length];

        network.Backward(sequence, statics, trace, 1, gradient);

        for (var i = 0; i < gradient.Length; i++)
        {
            var saved = network.Parameters[i];
            network.Parameters[i] = saved + 1e-6;
            var up = network.Forward(sequence, statics);
            network.Parameters[i] = saved - 1e-6;
            var down = network.Forward(sequence, statics);
            network.Parameters[i] = saved;
            Assert.Equal((up - down) / 2e-6, gradient[i], 5);
        }

        Assert.Equal(logit, network.Forward(sequence, statics), 12);
    }

    [Fact]
    public void StratifiedFolds_KeepClassBalance()
    {
        bool[] labels = [.. Enumerable.Range(0, 100).Select(i => i < 30)];

        var folds = ModelSelection.StratifiedFolds(labels, 3, 1);

        for (var k = 0; k < 3; k++)
        {
            var positives = Enumerable.Range(0, 100).Count(r => folds[r] == k && labels[r]);
            Assert.InRange(positives, 10, 10);
        }
    }
}
