using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Tests.Prediction;

public sealed class DeLongTests
{
    [Fact]
    public void Auroc_FourRows_MatchesHandComputedVariance()
    {
        // Positives 0.35, 0.8; negatives 0.1, 0.4. ψ: (0.35,0.1)=1, (0.35,0.4)=0, (0.8,·)=1 → AUC 3/4.
        // V10 = [0.5, 1], V01 = [1, 0.5]; S10 = S01 = 0.125; Var = 0.125/2 + 0.125/2 = 0.125.
        var result = DeLong.Auroc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        Assert.Equal(0.75, result.Auc, 12);
        Assert.Equal(Math.Sqrt(0.125), result.StandardError, 12);
        Assert.Equal(0.75 - (1.959963984540054 * Math.Sqrt(0.125)), result.Low, 12);
        Assert.Equal(1, result.High);
    }

    [Fact]
    public void Auroc_Ties_CountHalfAndAgreeWithMannWhitney()
    {
        double[] p = [0.2, 0.2, 0.5, 0.5, 0.9, 0.1, 0.5, 0.7];
        bool[] y = [true, false, true, false, true, false, false, true];

        var result = DeLong.Auroc(p, y);

        Assert.Equal(Discrimination.Auroc(p, y).Auc, result.Auc, 12);
        Assert.InRange(result.StandardError, 0.01, 0.5);
    }
}
