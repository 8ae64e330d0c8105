using OpenChronic.Analytics.Variability;

namespace OpenChronic.Analytics.Tests.Variability;

public sealed class StandardisationAndFunnelTests
{
    [Fact]
    public void IndirectStandardisation_MatchesHandComputation()
    {
        // E = 100·0.01 + 200·0.02 = 5, O = 2 → 0.4; Garwood O = 2: (0.242209, 7.224688) → /5 = (0.048442, 1.444938).
        var rates = new Dictionary<int, double> { [1] = 0.01, [2] = 0.02 };
        var r = IndirectStandardisation.Compute([new StratumCount(1, 100, 1), new StratumCount(2, 200, 1)], rates);
        Assert.Equal(2, r.Observed);
        Assert.Equal(5, r.Expected, 12);
        Assert.Equal(0.4, r.Ratio, 12);
        Assert.Equal(0.048442, r.Low, 5);
        Assert.Equal(1.444938, r.High, 5);
    }

    [Fact]
    public void ReferenceRates_PoolUnitsByStratum()
    {
        // Stratum 1: (1 + 3)/(100 + 100) = 0.02.
        var rates = IndirectStandardisation.ReferenceRates([new StratumCount(1, 100, 1), new StratumCount(1, 100, 3)]);
        Assert.Equal(0.02, rates[1], 12);
    }

    [Fact]
    public void Ratio_AtOneExpected_MatchesExponentialAndGammaQuantiles()
    {
        // E = 1: lower 95 % = −ln 0.975 = 0.025318, upper = Gamma(2) 97.5 % = 5.571643, lower 99.8 % = −ln 0.999 = 0.0010005.
        var l = Funnel.Ratio(1);
        Assert.Equal(0.025318, l.Low95, 5);
        Assert.Equal(5.571643, l.High95, 5);
        Assert.Equal(0.0010005, l.Low998, 6);
    }

    [Fact]
    public void Proportion_SingleTrial_MatchesInterpolatedBinomialLimits()
    {
        // Bin(1, 0.5): F(0) = 0.5, F(1) = 1. Upper 97.5 %: r = 1, α = (1 − 0.975)/(1 − 0.5) = 0.05 → 0.95.
        // Lower 2.5 %: r = 0, α = (0.5 − 0.025)/0.5 = 0.95 → −0.95 clamped to 0.
        var l = Funnel.Proportion(0.5, 1);
        Assert.Equal(0.95, l.High95, 9);
        Assert.Equal(0, l.Low95);
    }

    [Fact]
    public void Proportion_LargeDenominator_ApproachesNormalLimits()
    {
        // n = 400, θ = 0.5: 0.5 ± 1.96·√(0.25/400) = 0.451, 0.549; ± 3.09·0.025 = 0.4227, 0.5773 (exact within 0.003).
        var l = Funnel.Proportion(0.5, 400);
        Assert.Equal(0.451, l.Low95, 0.003);
        Assert.Equal(0.549, l.High95, 0.003);
        Assert.Equal(0.4227, l.Low998, 0.003);
        Assert.Equal(0.5773, l.High998, 0.003);
    }

    [Fact]
    public void RatioAdjusted_WithoutTau_IsLogNormalLimit()
    {
        // E = 100, τ² = 0: exp(±1.959964·0.1) = 1.216523, 0.822015.
        var l = Funnel.RatioAdjusted(100, 0);
        Assert.Equal(1.216523, l.High95, 1e-6);
        Assert.Equal(0.822015, l.Low95, 1e-6);
    }

    [Fact]
    public void ProportionAdjusted_MatchesArcsineHandComputation()
    {
        // θ₀ = 0.25 → π/6 = 0.5235988; n = 100, τ² = 0.01 → s = √(0.0025 + 0.01) = 0.1118034;
        // sin²(0.5235988 ± 1.959964·0.1118034) = sin²(0.7427297) = 0.457383, sin²(0.3044679) = 0.089872.
        var l = Funnel.ProportionAdjusted(0.25, 100, 0.01);
        Assert.Equal(0.457383, l.High95, 1e-6);
        Assert.Equal(0.089872, l.Low95, 1e-6);
    }

    [Fact]
    public void Flag_PlacesValueAgainstLimits()
    {
        var l = new FunnelLimits(0.8, 1.2, 0.7, 1.3);
        Assert.Equal(FunnelPosition.Within, Funnel.Flag(1, l));
        Assert.Equal(FunnelPosition.High95, Funnel.Flag(1.25, l));
        Assert.Equal(FunnelPosition.High998, Funnel.Flag(1.4, l));
        Assert.Equal(FunnelPosition.Low95, Funnel.Flag(0.75, l));
        Assert.Equal(FunnelPosition.Low998, Funnel.Flag(0.5, l));
    }

    [Fact]
    public void IndirectStandardisation_UnknownStratum_Throws() =>
        Assert.Throws<ArgumentException>(() => IndirectStandardisation.Compute([new StratumCount(9, 10, 1)], new Dictionary<int, double>()));
}
