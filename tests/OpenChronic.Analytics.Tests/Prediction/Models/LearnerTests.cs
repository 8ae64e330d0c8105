using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.Tests.Prediction.Models;

public sealed class LearnerTests
{
    public static TheoryData<string> Names => ["glm", "rf", "gbm", "lightgbm"];

    private static MlNetLearner ByName(string name) => name switch
    {
        "glm" => Learners.LogisticRegression(),
        "rf" => Learners.RandomForest(),
        "gbm" => Learners.GradientBoosting(),
        _ => Learners.LightGbm(),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Train_PlantedSignal_AucAbove08AndProbabilities(string name)
    {
        var train = PlantedSignal.Make(3000, 1);
        var test = PlantedSignal.Make(2000, 2);
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
        var data = PlantedSignal.Make(1500, 3);

        var result = ModelSelection.CrossValidate(Learners.LogisticRegression(), data, 3, 5);

        Assert.Equal(4, result.MeanAuc.Count);
        Assert.All(result.MeanAuc, auc => Assert.InRange(auc, 0.75, 1));
        Assert.Equal(result.MeanAuc.Max(), result.MeanAuc[result.Best]);
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
