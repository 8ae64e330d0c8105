using OpenChronic.Analytics.Prediction.Evaluation;
using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Analytics.Prediction.Models;
using OpenChronic.Analytics.Tests.Prediction.Models;

namespace OpenChronic.Analytics.Tests.Prediction.Evaluation;

public sealed class EnsembleRecalibrationTests
{
    [Fact]
    public void NoiseReduction_ThreeFolds_IsTwoThirdsOfTheSeenModelsVariance()
    {
        // Row 0 is in fold 0: models 1 and 2 saw it, logits 1 and 3, sample variance 2, Δ = 2 · 2/3.
        // Row 1 is in fold 2: models 0 and 1 saw it, logits 0.5 and 0.5, Δ = 0.
        double[][] logits = [[9, 0.5], [1, 0.5], [3, -7]];

        var reduction = EnsembleRecalibration.NoiseReduction(logits, [0, 2]);

        Assert.Equal(4.0 / 3, reduction[0], 12);
        Assert.Equal(0, reduction[1], 12);
    }

    [Fact]
    public void NoiseReduction_TwoFolds_IsZero()
    {
        var reduction = EnsembleRecalibration.NoiseReduction([[1.0, 2], [3.0, 5]], [0, 1]);

        Assert.All(reduction, d => Assert.Equal(0, d));
    }

    [Fact]
    public void QuadraticAt_ExactQuadratic_Extrapolates()
    {
        double[] x = [0, 0.5, 1, 1.5, 2];
        var y = x.Select(v => 1 + (2 * v) + (3 * v * v)).ToArray();

        Assert.Equal(2, EnsembleRecalibration.QuadraticAt(x, y, -1), 9);
    }

    [Fact]
    public void Simex_NoReduction_IsThePlainFit()
    {
        var (z, _, y) = Simulated(4000, 5);
        var plain = LogisticFit.Fit(z, new double[z.Length], y, fitSlope: true);

        var simex = EnsembleRecalibration.Simex(z, new double[z.Length], y, 1);

        Assert.Equal(plain, simex);
    }

    [Fact]
    public void Simex_FoldNoise_RecoversTheEnsemblesSlope()
    {
        // Three "fold models" z_k = f + e_k with independent noise of variance 1; the ensemble averages them.
        var (oof, ensemble, y) = Simulated(40000, 7, out var foldLogits, out var fold);
        var zeros = new double[y.Length];
        var plain = LogisticFit.Fit(oof, zeros, y, fitSlope: true).Slope;
        var target = LogisticFit.Fit(ensemble, zeros, y, fitSlope: true).Slope;
        var reduction = EnsembleRecalibration.NoiseReduction(foldLogits, fold);

        var simex = EnsembleRecalibration.Simex(oof, reduction, y, 3).Slope;

        Assert.True(target - plain > 0.1, $"out-of-fold {plain:F3} vs ensemble {target:F3}: the set-up must show the attenuation");
        Assert.True(Math.Abs(simex - target) < 0.35 * (target - plain), $"SIMEX {simex:F3}, ensemble {target:F3}, out-of-fold {plain:F3}");
        Assert.InRange(EnsembleRecalibration.AttenuationRatio(oof, reduction), 1.2, 1.45);
    }

    [Fact]
    public void Run_Nested_FitsOnTheNestedEnsembleAndSaysSo()
    {
        var train = PlantedSignal.Make(1500, 11);
        var test = PlantedSignal.Make(1500, 12);

        var nested = new PredictionExperiment(3, method: RecalibrationMethod.Nested).Run(train, test, [Learners.LogisticRegression()]).Single();
        var simex = new PredictionExperiment(3).Run(train, test, [Learners.LogisticRegression()]).Single();

        Assert.Equal("nested", nested.RecalibrationBasis);
        Assert.Equal("SIMEX", simex.RecalibrationBasis);
        Assert.NotEqual(nested.Recalibration, simex.Recalibration);
        Assert.Equal(simex.Test.Auroc.Auc, nested.Test.Auroc.Auc, 12);
        var check = NestedCrossFit.Run(Learners.LogisticRegression(), train, nested.Selection.Best, nested.Selection.Fold, 3, 3);
        Assert.Equal(PredictionExperiment.FitRecalibration(check.Predictions, train.Labels), nested.Recalibration);
        Assert.InRange(Calibration.Weak(check.OutOfFoldRecalibrated, train.Labels).Slope, 0.7, 1.3);
        Assert.InRange(Calibration.Weak(check.SimexRecalibrated, train.Labels).Slope, 0.7, 1.3);
    }

    private static (double[] OutOfFold, double[] Ensemble, bool[] Outcomes) Simulated(int rows, int seed) =>
        Simulated(rows, seed, out _, out _);

    private static (double[] OutOfFold, double[] Ensemble, bool[] Outcomes) Simulated(int rows, int seed, out double[][] foldLogits, out int[] fold)
    {
        var random = new Random(seed);
        foldLogits = [new double[rows], new double[rows], new double[rows]];
        fold = new int[rows];
        var oof = new double[rows];
        var ensemble = new double[rows];
        var y = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var f = -2 + (1.5 * Normal(random));
            y[i] = random.NextDouble() < LogisticFit.Expit(f);
            fold[i] = i % 3;
            for (var k = 0; k < 3; k++)
            {
                foldLogits[k][i] = f + Normal(random);
                ensemble[i] += foldLogits[k][i] / 3;
            }

            oof[i] = foldLogits[fold[i]][i];
        }

        return (oof, ensemble, y);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
