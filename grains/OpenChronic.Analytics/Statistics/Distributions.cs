namespace OpenChronic.Analytics.Statistics;

/// <summary>Normal, chi-square, gamma and beta distribution functions and quantiles.</summary>
public static class Distributions
{
    /// <summary>Standard normal CDF Φ(z) = P(1/2, z²/2) based.</summary>
    public static double NormalCdf(double z) =>
        z >= 0 ? 0.5 * (1 + SpecialFunctions.GammaP(0.5, z * z / 2)) : 0.5 * SpecialFunctions.GammaQ(0.5, z * z / 2);

    /// <summary>Standard normal quantile Φ⁻¹(p) (Acklam's rational approximation refined by one Halley step).</summary>
    public static double NormalQuantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        double[] a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.3577518672690, -30.66479806614716, 2.506628277459239];
        double[] b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
        double[] c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
        double[] d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
        double x;
        if (p < 0.02425 || p > 1 - 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(Math.Min(p, 1 - p)));
            x = Horner(c, q) / ((Horner(d, q) * q) + 1);
            x = p < 0.5 ? x : -x;
        }
        else
        {
            var q = p - 0.5;
            var r = q * q;
            x = Horner(a, r) * q / ((Horner(b, r) * r) + 1);
        }

        var e = NormalCdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>Upper tail P(X ≥ x) of a chi-square with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareUpperTail(double x, double df) => SpecialFunctions.GammaQ(df / 2, x / 2);

    /// <summary>Quantile of a chi-square with <paramref name="df"/> degrees of freedom.</summary>
    public static double ChiSquareQuantile(double p, double df) => 2 * GammaQuantile(p, df / 2);

    /// <summary>Quantile of a Gamma(shape, 1) distribution, by bisection on P(shape, x).</summary>
    public static double GammaQuantile(double p, double shape)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shape);
        ArgumentOutOfRangeException.ThrowIfNegative(p);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        if (p == 0)
        {
            return 0;
        }

        double low = 0, high = Math.Max(1, shape);
        while (SpecialFunctions.GammaP(shape, high) < p)
        {
            high *= 2;
        }

        return Bisect(x => SpecialFunctions.GammaP(shape, x), p, low, high);
    }

    /// <summary>Quantile of a Beta(a, b) distribution, by bisection on I_x(a, b).</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        return p <= 0 ? 0 : p >= 1 ? 1 : Bisect(x => SpecialFunctions.BetaI(a, b, x), p, 0, 1);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var sum = 0.0;
        foreach (var c in coefficients)
        {
            sum = (sum * x) + c;
        }

        return sum;
    }

    private static double Bisect(Func<double, double> increasing, double target, double low, double high)
    {
        for (var i = 0; i < 200 && high - low > 1e-14 * Math.Max(1, high); i++)
        {
            var mid = (low + high) / 2;
            if (increasing(mid) < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
