using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

/// <summary>
/// The accountant's formulas against the privacy loss computed from the noise distributions themselves: the
/// largest log-ratio of the discrete Laplace pmf at neighbouring outputs (ε), and the Rényi divergence of two
/// discrete Gaussians a sensitivity apart (α·ρ), summed numerically over the integers, alone and composed.
/// </summary>
public sealed class PrivacyLossTests
{
    private static double LogPmfLaplace(long x, double t) => -Math.Abs(x) / t;

    private static double LogPmfGaussian(long x, double sigmaSquared) => -(double)x * x / (2 * sigmaSquared);

    /// <summary>D_α(P‖Q) for P = N_Z(0, σ²), Q = N_Z(Δ, σ²): (1/(α−1))·ln Σ P^α Q^(1−α), the normalizers cancelling for integer Δ.</summary>
    private static double RenyiGaussian(double alpha, double sigmaSquared, long shift)
    {
        var range = (long)Math.Ceiling((40 * Math.Sqrt(sigmaSquared)) + (40 * shift) + 40);
        double Sum(Func<long, double> logTerm)
        {
            var max = double.NegativeInfinity;
            for (var x = -range; x <= range; x++)
            {
                max = Math.Max(max, logTerm(x));
            }

            double total = 0;
            for (var x = -range; x <= range; x++)
            {
                total += Math.Exp(logTerm(x) - max);
            }

            return max + Math.Log(total);
        }

        var logNormalizer = Sum(x => LogPmfGaussian(x, sigmaSquared));
        var mixed = Sum(x => (alpha * LogPmfGaussian(x, sigmaSquared)) + ((1 - alpha) * LogPmfGaussian(x - shift, sigmaSquared)));
        return (mixed - logNormalizer) / (alpha - 1);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(3, 1, 2)]
    [InlineData(1, 10, 1)]
    [InlineData(4, 25, 2)]
    public void LaplaceEpsilon_IsTheLargestLogRatioOfNeighbouringOutputs(long sensitivity, long scaleNumerator, long scaleDenominator)
    {
        var scale = Rational.Of(scaleNumerator, scaleDenominator);
        var t = scale.ToDouble();
        var worst = double.NegativeInfinity;
        for (var x = -1000L; x <= 1000; x++)
        {
            worst = Math.Max(worst, LogPmfLaplace(x, t) - LogPmfLaplace(x - sensitivity, t));
        }

        Assert.Equal(PrivacyAccounting.LaplaceEpsilon(sensitivity, scale), worst, 12);
    }

    [Fact]
    public void ComposeApproximate_TwoLaplaceReleases_MatchesTheLargestJointLogRatio()
    {
        // Two cells (t = 2 and t = 5) of one person, each moved by 1: the joint loss is the sum of the two worst.
        var worst = double.NegativeInfinity;
        for (var x = -60L; x <= 60; x++)
        {
            for (var y = -60L; y <= 60; y++)
            {
                var loss = LogPmfLaplace(x, 2) - LogPmfLaplace(x - 1, 2) + LogPmfLaplace(y, 5) - LogPmfLaplace(y - 1, 5);
                worst = Math.Max(worst, loss);
            }
        }

        var composed = PrivacyAccounting.ComposeApproximate([PrivacyCost.Pure(0.5), PrivacyCost.Pure(0.2)]);
        Assert.Equal(composed.Epsilon, worst, 12);
    }

    [Theory]
    [InlineData(2.0, 1, 1)]
    [InlineData(5.0, 4, 1)]
    [InlineData(10.0, 100, 3)]
    [InlineData(1.5, 1, 1)]
    [InlineData(3.5, 9, 2)]
    public void DiscreteGaussianRho_RenyiDivergenceIsAtMostAlphaRho_EqualForIntegerAlpha(double alpha, long sigmaSquared, long shift)
    {
        var rho = PrivacyAccounting.DiscreteGaussianRho(shift * shift, Rational.Of(sigmaSquared, 1));

        var divergence = RenyiGaussian(alpha, sigmaSquared, shift);

        // Canonne, Kamath, Steinke 2020: D_α ≤ α·Δ²/(2σ²), with equality when αΔ is an integer (the mixed sum is
        // then a whole-number shift of the normalizer).
        Assert.True(divergence <= (alpha * rho) + 1e-9, $"D_α = {divergence}, α·ρ = {alpha * rho}");
        if (Math.Abs((alpha * shift) - Math.Round(alpha * shift)) < 1e-12)
        {
            Assert.Equal(alpha * rho, divergence, 9);
        }
    }

    [Fact]
    public void ComposeZeroConcentrated_TwoGaussianReleases_MatchesTheRenyiDivergenceOfTheJointRelease()
    {
        // Independent releases: the Rényi divergence of the product is the sum, at every integer α equal to α·Σρ.
        foreach (var alpha in new[] { 2.0, 3.0, 8.0 })
        {
            var joint = RenyiGaussian(alpha, 4, 1) + RenyiGaussian(alpha, 25, 3);
            var composed = PrivacyAccounting.ComposeZeroConcentrated([
                PrivacyCost.ZeroConcentrated(PrivacyAccounting.DiscreteGaussianRho(1, Rational.Of(4, 1))),
                PrivacyCost.ZeroConcentrated(PrivacyAccounting.DiscreteGaussianRho(9, Rational.Of(25, 1)))]);
            Assert.Equal(alpha * composed, joint, 9);
        }
    }
}
