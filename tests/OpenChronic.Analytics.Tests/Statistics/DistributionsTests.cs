using OpenChronic.Analytics.Statistics;

namespace OpenChronic.Analytics.Tests.Statistics;

public sealed class DistributionsTests
{
    [Fact]
    public void NormalQuantile_MatchesTabulatedValues()
    {
        // Tables: Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.75) = 0.674490, Φ⁻¹(0.999) = 3.090232, Φ⁻¹(0.001) = −3.090232.
        Assert.Equal(1.959964, Distributions.NormalQuantile(0.975), 6);
        Assert.Equal(0.674490, Distributions.NormalQuantile(0.75), 6);
        Assert.Equal(3.090232, Distributions.NormalQuantile(0.999), 6);
        Assert.Equal(-3.090232, Distributions.NormalQuantile(0.001), 6);
    }

    [Fact]
    public void NormalCdf_MatchesTabulatedValue()
    {
        // Φ(1.96) = 0.9750021, Φ(−1) = 0.1586553.
        Assert.Equal(0.9750021, Distributions.NormalCdf(1.96), 7);
        Assert.Equal(0.1586553, Distributions.NormalCdf(-1), 7);
    }

    [Fact]
    public void ChiSquare_MatchesClosedForms()
    {
        // df = 2: P(X ≥ x) = exp(−x/2), x = 4 → e⁻² = 0.1353353; df = 1: P(X ≥ 3.841459) = 0.05.
        Assert.Equal(0.1353353, Distributions.ChiSquareUpperTail(4, 2), 7);
        Assert.Equal(0.05, Distributions.ChiSquareUpperTail(3.841459, 1), 6);
        Assert.Equal(3.841459, Distributions.ChiSquareQuantile(0.95, 1), 5);
    }

    [Fact]
    public void LogGamma_MatchesFactorial()
    {
        // Γ(5) = 4! = 24 → ln 24 = 3.1780538; Γ(0.5) = √π → 0.5723649.
        Assert.Equal(3.1780538, SpecialFunctions.LogGamma(5), 7);
        Assert.Equal(0.5723649, SpecialFunctions.LogGamma(0.5), 7);
    }

    [Fact]
    public void PoissonExact_MatchesGarwoodClosedForms()
    {
        // O = 0: upper = −ln(0.025) = 3.688879 (Gamma(1) is exponential). O = 1: lower = −ln(0.975) = 0.025318,
        // upper = Gamma(2) 97.5 % quantile = 5.571643 (Garwood table).
        var (low0, high0) = ExactIntervals.Poisson(0);
        Assert.Equal(0, low0);
        Assert.Equal(3.688879, high0, 5);
        var (low1, high1) = ExactIntervals.Poisson(1);
        Assert.Equal(0.025318, low1, 5);
        Assert.Equal(5.571643, high1, 5);
    }

    [Fact]
    public void BinomialExact_MatchesClopperPearsonClosedForms()
    {
        // x = 0 of 10: upper = 1 − 0.025^(1/10) = 0.308497; x = 10 of 10: lower = 0.025^(1/10) = 0.691503.
        Assert.Equal(0.308497, ExactIntervals.Binomial(0, 10).High, 5);
        Assert.Equal(0.691503, ExactIntervals.Binomial(10, 10).Low, 5);
    }
}
