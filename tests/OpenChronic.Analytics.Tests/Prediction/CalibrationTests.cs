using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Tests.Prediction;

public sealed class CalibrationTests
{
    [Fact]
    public void Brier_MatchesHandComputation()
    {
        // (0.2² + 0.4² + 0.1² + 0.3²)/4 = 0.3/4 = 0.075; ȳ = 0.5 → scaled = 1 − 0.075/0.25 = 0.7.
        var r = Calibration.Brier([0.2, 0.6, 0.9, 0.3], [false, true, true, false]);
        Assert.Equal(0.075, r.Brier, 12);
        Assert.Equal(0.7, r.Scaled, 12);
    }

    [Fact]
    public void InTheLarge_ConstantPrediction_InterceptIsLogitDifference()
    {
        // p = 0.2 for all, 3 events of 10: MLE of a in logit P = a + logit 0.2 is logit(0.3) − logit(0.2)
        // = −0.8472979 + 1.3862944 = 0.5389965.
        var p = Enumerable.Repeat(0.2, 10).ToArray();
        bool[] y = [true, true, true, false, false, false, false, false, false, false];
        var r = Calibration.InTheLarge(p, y);
        Assert.Equal(0.2, r.MeanPredicted, 12);
        Assert.Equal(0.3, r.ObservedRate, 12);
        Assert.Equal(0.5389965, r.Intercept, 1e-7);
    }

    [Fact]
    public void Weak_TwoGroups_IsSaturatedFit()
    {
        // p ∈ {0.2, 0.5}, observed 1/4 and 3/4: a + b·logit 0.2 = logit 0.25 and a + b·0 = logit 0.75
        // → a = 1.0986123, b = (−1.0986123 − 1.0986123)/(−1.3862944) = 1.5849625.
        double[] p = [0.2, 0.2, 0.2, 0.2, 0.5, 0.5, 0.5, 0.5];
        bool[] y = [true, false, false, false, true, true, true, false];
        var r = Calibration.Weak(p, y);
        Assert.Equal(1.0986123, r.Intercept, 1e-7);
        Assert.Equal(1.5849625, r.Slope, 1e-7);

        // Two groups: Woolf's SE of the log odds ratio, √(1/1 + 1/3 + 1/3 + 1/1) = 1.6329932, over |logit 0.2 − 0| = ln 4 = 1.3862944 → 1.1779556.
        Assert.Equal(1.1779556, r.SlopeStandardError, 1e-6);
        Assert.Equal(1.5849625 - (1.96 * 1.1779556), r.SlopeLow, 1e-6);
    }

    [Fact]
    public void Weak_ConstantPrediction_UndefinedNotAnError()
    {
        var p = Enumerable.Repeat(0.2, 10).ToArray();
        bool[] y = [true, false, false, true, false, false, false, false, false, false];

        var r = Calibration.Weak(p, y);

        Assert.True(double.IsNaN(r.Slope) && double.IsNaN(r.Intercept) && double.IsNaN(r.SlopeStandardError));
    }

    [Fact]
    public void Evaluate_ConstantPrediction_MetricsWithoutError()
    {
        var p = Enumerable.Repeat(0.2, 40).ToArray();
        var y = Enumerable.Range(0, 40).Select(i => i % 5 == 0).ToArray();

        var r = OpenChronic.Analytics.Prediction.Evaluation.Evaluator.Evaluate(p, y);

        Assert.Equal(0.5, r.Auroc.Auc, 12);
        Assert.True(double.IsNaN(r.Weak.Slope));
        Assert.Equal(0, r.InTheLarge.Intercept, 1e-9);
    }

    [Fact]
    public void InTheLarge_PredictionsAtTheClamp_ConvergesToTheObservedRate()
    {
        // A model predicting 1e-15 for everyone (clamped to 1e-12): CITL = logit(0.25) − logit(1e-12) = −1.0986123 + 27.6310211.
        var p = Enumerable.Repeat(1e-15, 40).ToArray();
        var y = Enumerable.Range(0, 40).Select(i => i % 4 == 0).ToArray();

        var r = Calibration.InTheLarge(p, y);

        Assert.Equal(26.5324088, r.Intercept, 1e-6);
    }

    [Fact]
    public void FitRecalibration_ConstantPrediction_InterceptOnlyToTheObservedRate()
    {
        // logit 0.3 − logit 0.2 = ln(3/7 · 4) = 0.5389965 (the CITL of the test above), slope 1.
        var p = Enumerable.Repeat(0.2, 10).ToArray();
        bool[] y = [true, false, false, true, false, true, false, false, false, false];

        var (a, b) = OpenChronic.Analytics.Prediction.Evaluation.PredictionExperiment.FitRecalibration(p, y);

        Assert.Equal(0.5389965, a, 1e-7);
        Assert.Equal(1, b);
    }

    [Fact]
    public void Errors_ConstantPrediction_SmoothIsObservedRate()
    {
        // All x equal → every weight is 1 → s(p) = ȳ = 0.5 → |0.2 − 0.5| = 0.3 for every row.
        var p = Enumerable.Repeat(0.2, 10).ToArray();
        var y = Enumerable.Range(0, 10).Select(i => i % 2 == 0).ToArray();
        var r = Calibration.Errors(p, y);
        Assert.Equal(0.3, r.EAverage, 12);
        Assert.Equal(0.3, r.E90, 12);
        Assert.Equal(0.3, r.EMax, 12);
    }

    [Fact]
    public void HosmerLemeshow_ThreeGroups_MatchesHandComputation()
    {
        // Groups {0.1,0.1 | y 0,1}, {0.5,0.5 | 1,0}, {0.8,0.8 | 1,1}:
        // g1: (1−0.2)²/0.2 + (1−1.8)²/1.8 = 3.2 + 0.355556; g2: 0; g3: (2−1.6)²/1.6 + (0−0.4)²/0.4 = 0.1 + 0.4
        // X² = 4.055556, df = 1, p = erfc(√(X²/2)) = 0.0440262.
        var r = Calibration.HosmerLemeshow([0.1, 0.1, 0.5, 0.5, 0.8, 0.8], [false, true, true, false, true, true], groups: 3);
        Assert.Equal(4.055556, r.ChiSquare, 5);
        Assert.Equal(1, r.DegreesOfFreedom);
        Assert.Equal(0.0440262, r.PValue, 6);
    }

    [Fact]
    public void Curve_SplitsSortedPredictionsIntoEqualGroups()
    {
        // 4 rows in 2 groups: {0.1, 0.3 | 0, 1} → mean 0.2, rate 0.5; {0.6, 0.9 | 1, 1} → mean 0.75, rate 1.
        var bins = Calibration.Curve([0.9, 0.1, 0.6, 0.3], [true, false, true, true], groups: 2);
        Assert.Equal(2, bins.Length);
        Assert.Equal(0.2, bins[0].MeanPredicted, 12);
        Assert.Equal(0.5, bins[0].ObservedRate, 12);
        Assert.Equal(0.75, bins[1].MeanPredicted, 12);
        Assert.Equal(1, bins[1].ObservedRate, 12);
    }

    [Fact]
    public void Recalibration_InTheLarge_MatchesObservedRate()
    {
        // Constant p = 0.2, ȳ = 0.3 → expit(logit 0.2 + logit 0.3 − logit 0.2) = 0.3.
        var p = Enumerable.Repeat(0.2, 10).ToArray();
        var y = Enumerable.Range(0, 10).Select(i => i < 3).ToArray();
        Assert.All(Recalibration.InTheLarge(p, y), v => Assert.Equal(0.3, v, 8));
    }

    [Fact]
    public void Recalibration_Weak_MatchesGroupRates()
    {
        // Saturated two-group fit (see Weak test) → recalibrated = 0.25 and 0.75.
        double[] p = [0.2, 0.2, 0.2, 0.2, 0.5, 0.5, 0.5, 0.5];
        bool[] y = [true, false, false, false, true, true, true, false];
        var r = Recalibration.Weak(p, y);
        Assert.Equal(0.25, r[0], 7);
        Assert.Equal(0.75, r[7], 7);
    }
}
