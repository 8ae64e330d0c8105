using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Tests.Prediction;

public sealed class DiscriminationTests
{
    private static readonly double[] s_p = [0.1, 0.4, 0.35, 0.8];
    private static readonly bool[] s_y = [false, false, true, true];

    [Fact]
    public void Auroc_MatchesPairCountAndHanleyMcNeil()
    {
        // Pairs (pos, neg): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes → A = 3/4.
        // Q1 = A/(2−A) = 0.6, Q2 = 2A²/(1+A) = 0.642857; var = (0.1875 + 1·(0.6−0.5625) + 1·(0.642857−0.5625))/(2·2)
        // = 0.0763393 → SE = 0.276296; CI = 0.75 ± 1.96·SE = (0.208467, 1) clipped.
        var r = Discrimination.Auroc(s_p, s_y);
        Assert.Equal(0.75, r.Auc, 12);
        Assert.Equal(0.276296, r.StandardError, 6);
        Assert.Equal(0.208467, r.Low, 5);
        Assert.Equal(1, r.High);
    }

    [Fact]
    public void Auroc_TiesCountHalf()
    {
        // One tied pair → 0.5.
        Assert.Equal(0.5, Discrimination.Auroc([0.5, 0.5], [true, false]).Auc, 12);
    }

    [Fact]
    public void Auroc_SingleClass_Throws() =>
        Assert.Throws<ArgumentException>(() => Discrimination.Auroc([0.2, 0.3], [true, true]));

    [Fact]
    public void AveragePrecision_IsMeanPrecisionAtPositives()
    {
        // Descending: 0.8(+), 0.4(−), 0.35(+), 0.1(−): precision@1 = 1, precision@3 = 2/3 → AP = (1 + 2/3)/2 = 0.833333.
        Assert.Equal(0.833333, Discrimination.AveragePrecision(s_p, s_y), 6);
    }

    [Fact]
    public void Auprc_IsTrapezoidalArea()
    {
        // (R, P): start (0, 1), (0.5, 1), (0.5, 0.5), (1, 2/3), (1, 0.5) → 0.5·(1+1)/2 + 0 + 0.5·(0.5+2/3)/2 + 0 = 0.791667.
        Assert.Equal(0.791667, Discrimination.Auprc(s_p, s_y), 6);
    }

    [Fact]
    public void RocCurve_ListsPointsByThreshold()
    {
        // Thresholds 0.8, 0.4, 0.35, 0.1 → (FPR, TPR) = (0, 0.5), (0.5, 0.5), (0.5, 1), (1, 1) after (0, 0).
        var curve = Discrimination.RocCurve(s_p, s_y);
        Assert.Equal([(0.0, 0.0), (0, 0.5), (0.5, 0.5), (0.5, 1), (1, 1)], curve.Select(c => (c.FalsePositiveRate, c.TruePositiveRate)));
    }

    [Fact]
    public void Auroc_PredictionOutsideZeroOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Discrimination.Auroc([1.5, 0.2], [true, false]));
}
