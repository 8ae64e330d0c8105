using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class PrivacyAccountingTests
{
    [Fact]
    public void ComposeApproximate_SumsEpsilonAndDelta()
    {
        var total = PrivacyAccounting.ComposeApproximate(
            [PrivacyCost.Pure(0.5), PrivacyCost.Approximate(0.25, 1e-6), PrivacyCost.Pure(0.125)]);

        Assert.Equal(0.875, total.Epsilon, 15);
        Assert.Equal(1e-6, total.Delta, 15);
    }

    [Fact]
    public void ComposeZeroConcentrated_SumsRho_PureEntersAsHalfEpsilonSquared()
    {
        // 0.1 + 0.2 + 1²/2 = 0.8
        var rho = PrivacyAccounting.ComposeZeroConcentrated(
            [PrivacyCost.ZeroConcentrated(0.1), PrivacyCost.ZeroConcentrated(0.2), PrivacyCost.Pure(1)]);

        Assert.Equal(0.8, rho, 12);
    }

    [Fact]
    public void ZeroConcentratedToEpsilon_HandComputed()
    {
        // ρ = 0.5, δ = 1e-5: 0.5 + 2·√(0.5·ln 1e5) = 0.5 + 2·√5.756463 = 0.5 + 2·2.399263 = 5.298526
        Assert.Equal(5.298526, PrivacyAccounting.ZeroConcentratedToEpsilon(0.5, 1e-5), 5);
    }

    [Fact]
    public void DiscreteGaussianRho_SensitivitySquaredOverTwoSigmaSquared()
    {
        // L0 = 4 cells, L∞ = 1: Δ₂² = 4; σ² = 8 → ρ = 4/16 = 0.25.
        Assert.Equal(0.25, PrivacyAccounting.DiscreteGaussianRho(4, Rational.Of(8, 1)), 15);
        Assert.Equal(0.5, PrivacyAccounting.LaplaceEpsilon(3, Rational.Of(6, 1)), 15);
    }

    [Fact]
    public void ComposeZeroConcentrated_ApproximateCost_Throws() =>
        Assert.Throws<ArgumentException>(() => PrivacyAccounting.ComposeZeroConcentrated([PrivacyCost.Approximate(1, 1e-6)]));
}
