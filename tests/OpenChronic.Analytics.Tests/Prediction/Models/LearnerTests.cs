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

    [Theory]
    [MemberData(nameof(Names))]
    public void CrossValidate_FoldsInParallel_SameResultAsOneAtATime(string name)
    {
        var data = PlantedSignal.Make(900, 6);

        var serial = ModelSelection.CrossValidate(ByName(name), data, 3, 5, parallelism: 1);
        var parallel = ModelSelection.CrossValidate(ByName(name), data, 3, 5, parallelism: 3);

        Assert.Equal(serial.MeanAuc, parallel.MeanAuc);
        Assert.Equal(serial.Best, parallel.Best);
        Assert.Equal(serial.OutOfFold, parallel.OutOfFold);
    }

    [Fact]
    public void CrossValidate_AFoldFails_TheLearnersExceptionItself()
    {
        var data = PlantedSignal.Make(300, 8);

        var e = Assert.Throws<InvalidOperationException>(() => ModelSelection.CrossValidate(new FailingLearner(), data, 3, 5, parallelism: 2));
        Assert.Equal("no convergence", e.Message);
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
    public void CrossValidate_FoldModels_ReproduceTheOutOfFoldPredictions()
    {
        var data = PlantedSignal.Make(900, 4);
        var folds = ModelSelection.StratifiedFolds(data.Labels, 3, 5);

        var result = ModelSelection.CrossValidate(Learners.LogisticRegression(), data, 3, 5);

        Assert.Equal(3, result.FoldModels.Count);
        for (var k = 0; k < 3; k++)
        {
            var rows = Enumerable.Range(0, data.Rows).Where(r => folds[r] == k).ToArray();
            var predicted = result.FoldModels[k].Predict(data.Subset(rows));
            Assert.Equal(rows.Select(r => result.OutOfFold[r]), predicted, (a, b) => Math.Abs(a - b) < 1e-9);
        }
    }

    [Fact]
    public void CrossFittedModel_Predict_IsExpitOfTheMeanFoldLogit()
    {
        var data = PlantedSignal.Make(600, 8);
        var test = PlantedSignal.Make(50, 9);
        var folds = new[] { Learners.LogisticRegression().Train(data, 0, 1), Learners.LightGbm().Train(data, 0, 2) };

        var p = new CrossFittedModel(folds).Predict(test);

        var p0 = folds[0].Predict(test);
        var p1 = folds[1].Predict(test);
        for (var i = 0; i < test.Rows; i++)
        {
            var expected = LogisticFit.Expit((LogisticFit.Logit(p0[i]) + LogisticFit.Logit(p1[i])) / 2);
            Assert.Equal(expected, p[i], 12);
            Assert.InRange(p[i], Math.Min(p0[i], p1[i]), Math.Max(p0[i], p1[i]));
        }
    }

    [Fact]
    public void CrossFittedModel_Save_OneEntryPerFoldModel()
    {
        var data = PlantedSignal.Make(300, 8);
        var model = new CrossFittedModel([Learners.LogisticRegression().Train(data, 0, 1), new GruLearner().Train(data, 0, 2)]);
        var path = Path.Combine(Path.GetTempPath(), $"oc-crossfit-{Environment.ProcessId}.zip");
        try
        {
            model.Save(path);

            using var archive = System.IO.Compression.ZipFile.OpenRead(path);
            Assert.Equal(["fold-1.zip", "fold-2.txt"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            Assert.False(Directory.Exists(path + ".folds"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_DeliveredModel_IsTheAverageOfTheChosenFoldModels()
    {
        var train = PlantedSignal.Make(1500, 11);
        var test = PlantedSignal.Make(500, 12);

        var report = new OpenChronic.Analytics.Prediction.Evaluation.PredictionExperiment(3, folds: 4).Run(train, test, [Learners.LogisticRegression()]).Single();

        var model = Assert.IsType<CrossFittedModel>(report.Model);
        Assert.Equal(4, model.Folds.Count);
        Assert.Equal(report.Selection.FoldModels, model.Folds);
        Assert.Equal(report.Test.Auroc.Auc, Discrimination.Auroc(model.Predict(test), test.Labels).Auc, 12);
    }

    [Fact]
    public void Run_DefaultRecalibration_TestSlopeNearOne()
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

    private sealed class FailingLearner : IRiskLearner
    {
        public string Name => "failing";

        public string Description => "Throws on every fit.";

        public IReadOnlyList<string> Candidates => ["only"];

        public IRiskModel Train(OpenChronic.Analytics.Prediction.Features.FeatureBlock data, int candidate, int seed) =>
            throw new InvalidOperationException("no convergence");
    }
}
