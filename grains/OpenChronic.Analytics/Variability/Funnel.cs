using OpenChronic.Analytics.Statistics;

namespace OpenChronic.Analytics.Variability;

/// <summary>Funnel-plot control limits (Spiegelhalter 2005): exact binomial for proportions, exact Poisson for O/E, and the τ²-adjusted O/E limits.</summary>
public static class Funnel
{
    /// <summary>Exact binomial limits for a proportion with target θ₀ and denominator n, as p-quantiles of Bin(n, θ₀)/n interpolated as in Spiegelhalter (2005, appendix A.1.1).</summary>
    public static FunnelLimits Proportion(double target, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, 1);
        return new FunnelLimits(
            BinomialLimit(target, n, 0.025), BinomialLimit(target, n, 0.975), BinomialLimit(target, n, 0.001), BinomialLimit(target, n, 0.999));
    }

    /// <summary>Exact Poisson limits for O/E with target 1 at expected count E: lower = Γ⁻¹(α; E)/E, upper = Γ⁻¹(1−α; E+1)/E.</summary>
    public static FunnelLimits Ratio(double expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        return new FunnelLimits(
            Distributions.GammaQuantile(0.025, expected) / expected,
            Distributions.GammaQuantile(0.975, expected + 1) / expected,
            Distributions.GammaQuantile(0.001, expected) / expected,
            Distributions.GammaQuantile(0.999, expected + 1) / expected);
    }

    /// <summary>Random-effects O/E limits (SHMI): exp(±z·√(1/E + τ²)).</summary>
    public static FunnelLimits RatioAdjusted(double expected, double tau2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected);
        ArgumentOutOfRangeException.ThrowIfNegative(tau2);
        var s = Math.Sqrt((1 / expected) + tau2);
        double z95 = Distributions.NormalQuantile(0.975), z998 = Distributions.NormalQuantile(0.999);
        return new FunnelLimits(Math.Exp(-z95 * s), Math.Exp(z95 * s), Math.Exp(-z998 * s), Math.Exp(z998 * s));
    }

    /// <summary>Random-effects proportion limits on the arcsine scale: sin²(asin√θ₀ ± z·√(1/(4n) + τ²)), argument clamped to [0, π/2].</summary>
    public static FunnelLimits ProportionAdjusted(double target, long n, double tau2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(tau2);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, 1);
        var y0 = Math.Asin(Math.Sqrt(target));
        var s = Math.Sqrt((1 / (4.0 * n)) + tau2);
        double z95 = Distributions.NormalQuantile(0.975), z998 = Distributions.NormalQuantile(0.999);
        static double Back(double y) => Math.Pow(Math.Sin(Math.Clamp(y, 0, Math.PI / 2)), 2);
        return new FunnelLimits(Back(y0 - (z95 * s)), Back(y0 + (z95 * s)), Back(y0 - (z998 * s)), Back(y0 + (z998 * s)));
    }

    /// <summary>Flag of a value against limits (99.8 % takes precedence).</summary>
    public static FunnelPosition Flag(double value, FunnelLimits limits) =>
        value > limits.High998 ? FunnelPosition.High998
        : value > limits.High95 ? FunnelPosition.High95
        : value < limits.Low998 ? FunnelPosition.Low998
        : value < limits.Low95 ? FunnelPosition.Low95
        : FunnelPosition.Within;

    private static double BinomialLimit(double target, long n, double p)
    {
        // r_p = smallest r with P(R ≤ r) ≥ p; α = (P(R ≤ r_p) − p)/(P(R ≤ r_p) − P(R ≤ r_p − 1)); limit = (r_p − α)/n.
        var sd = Math.Sqrt(n * target * (1 - target));
        var r = Math.Max(0L, (long)Math.Floor((n * target) - (10 * sd) - 1));
        var cumulative = BinomialCdf(r, n, target);
        while (cumulative < p && r < n)
        {
            r++;
            cumulative = BinomialCdf(r, n, target);
        }

        var previous = r == 0 ? 0 : BinomialCdf(r - 1, n, target);
        var alpha = cumulative > previous ? (cumulative - p) / (cumulative - previous) : 0;
        return Math.Clamp((r - alpha) / n, 0, 1);
    }

    private static double BinomialCdf(long r, long n, double theta) =>
        r >= n ? 1 : 1 - SpecialFunctions.BetaI(r + 1, n - r, theta);
}
