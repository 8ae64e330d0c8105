using OpenChronic.Analytics.Variability;

namespace OpenChronic.Analytics.Tests.Variability;

public sealed class DispersionTests
{
    [Fact]
    public void Winsorise_ClampsTenPercentEachTail()
    {
        // 1..10, k = 1 → values clamped to [2, 9].
        var w = Overdispersion.Winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1);
        Assert.Equal([2.0, 2, 3, 4, 5, 6, 7, 8, 9, 9], w);
    }

    [Fact]
    public void Ratios_MatchesHandComputation()
    {
        // E = 100 each, z = 10·ln(O/100) for O = 70, 80, 90, 95, 100, 100, 105, 110, 120, 140:
        // z = −3.566749, −2.231436, −1.053605, −0.512933, 0, 0, 0.487902, 0.953102, 1.823216, 3.364722.
        // Winsorised extremes → −2.231436 and 1.823216; φ = Σz²/10 = 1.912647;
        // τ² = (10·1.912647 − 9)/(1000 − 100000/1000) = 0.0112516.
        long[] o = [70, 80, 90, 95, 100, 100, 105, 110, 120, 140];
        var e = Enumerable.Repeat(100.0, 10).ToArray();
        var r = Overdispersion.Ratios(o, e);
        Assert.Equal(-3.566749, r.ZScores[0], 5);
        Assert.Equal(1.912647, r.Phi, 5);
        Assert.Equal(0.0112516, r.Tau2, 6);
    }

    [Fact]
    public void Proportions_MatchesHandComputation()
    {
        // θ₀ = 0.25 (asin √0.25 = π/6), n = 100 each, z = (asin √(e/100) − π/6)·20 for e = 10, 15, 20, 22, 25, 25, 28, 30, 35, 45:
        // z₁ = (0.3217506 − 0.5235988)·20 = −4.036964; winsorised extremes → −2.517987 and 2.189061;
        // φ = Σz²/10 = 2.592187; w = 4n = 400 → τ² = (25.92187 − 9)/(4000 − 400) = 0.00470052.
        long[] e = [10, 15, 20, 22, 25, 25, 28, 30, 35, 45];
        var n = Enumerable.Repeat(100L, 10).ToArray();
        var r = Overdispersion.Proportions(e, n, 0.25);
        Assert.Equal(-4.036964, r.ZScores[0], 1e-6);
        Assert.Equal(2.592187, r.Phi, 1e-6);
        Assert.Equal(0.00470052, r.Tau2, 1e-8);
    }

    [Fact]
    public void VariationStatistics_MatchHandComputation()
    {
        // EQ = 8/2 = 4; CV of (2, 4, 6): SD = 2, mean 4 → 0.5;
        // SCV: O = (20, 5), E = (10, 10) → (ln 2)² − 0.1 = 0.380453 twice → mean ×100 = 38.0453.
        Assert.Equal(4, VariationStatistics.ExtremalQuotient([2, 4, 8]), 12);
        Assert.Equal(0.5, VariationStatistics.CoefficientOfVariation([2, 4, 6]), 12);
        Assert.Equal(38.0453, VariationStatistics.SystematicComponent([20, 5], [10, 10]), 4);
    }

    [Fact]
    public void LogLikelihood_AtZeroVariance_IsBinomial()
    {
        // σ = 0: Σ y ln p + (n − y) ln(1 − p), p = expit(β) = 0.2 with y = (20, 30), n = (100, 100)
        // = 50·ln 0.2 + 150·ln 0.8 = −80.47190 − 33.47153 = −113.94343.
        var ll = RandomInterceptLogistic.LogLikelihood([20, 30], [100, 100], Math.Log(0.25), 0);
        Assert.Equal(-113.94343, ll, 1e-5);
    }

    [Fact]
    public void Fit_HomogeneousUnits_HasNoVariance()
    {
        // Every unit 20 of 100 → σ² ≈ 0, β = logit 0.2 = −1.386294, MOR = exp(0) = 1, ICC = 0.
        var r = RandomInterceptLogistic.Fit([20, 20, 20, 20, 20], [100, 100, 100, 100, 100]);
        Assert.Equal(-1.386294, r.Intercept, 4);
        Assert.True(r.Variance < 1e-4);
        Assert.Equal(1, r.MedianOddsRatio, 2);
    }

    [Fact]
    public void Fit_HeterogeneousUnits_RecoversSpreadOfLogits()
    {
        // Rates 0.1, 0.5, 0.9 (n = 100): logits −2.197, 0, 2.197 → ML variance ≈ Σ logit²/3 = 3.22 (a bit less after
        // binomial noise); MOR = exp(√(2σ²)·0.674490) and ICC = σ²/(σ² + π²/3) by their definitions.
        var r = RandomInterceptLogistic.Fit([10, 50, 90], [100, 100, 100]);
        Assert.InRange(r.Variance, 2.5, 3.5);
        Assert.Equal(0, r.Intercept, 1);
        Assert.Equal(Math.Exp(Math.Sqrt(2 * r.Variance) * 0.674490), r.MedianOddsRatio, 5);
        Assert.Equal(r.Variance / (r.Variance + 3.289868), r.Icc, 5);
    }
}
