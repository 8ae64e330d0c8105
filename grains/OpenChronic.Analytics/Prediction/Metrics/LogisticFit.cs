namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>Newton–Raphson (IRLS) fit of logit P(y) = a + b·x + offset with one (a) or two (a, b) parameters.</summary>
public static class LogisticFit
{
    /// <summary>logit(p) clamped to p ∈ [1e-12, 1 − 1e-12].</summary>
    public static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-12, 1 - 1e-12);
        return Math.Log(q / (1 - q));
    }

    /// <summary>Inverse logit.</summary>
    public static double Expit(double eta) => 1 / (1 + Math.Exp(-eta));

    /// <summary>Maximum-likelihood (a, b); when <paramref name="fitSlope"/> is false, b is fixed at 0 and only a is fitted.</summary>
    public static (double Intercept, double Slope) Fit(
        ReadOnlySpan<double> x, ReadOnlySpan<double> offset, ReadOnlySpan<bool> y, bool fitSlope, int maxIterations = 50)
    {
        if (x.Length != y.Length || offset.Length != y.Length)
        {
            throw new ArgumentException("x, offset and y must have the same length.");
        }

        double a = 0, b = 0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var mu = Expit(a + (b * x[i]) + offset[i]);
                var r = (y[i] ? 1 : 0) - mu;
                var w = mu * (1 - mu);
                g0 += r;
                g1 += r * x[i];
                h00 += w;
                h01 += w * x[i];
                h11 += w * x[i] * x[i];
            }

            double da, db = 0;
            if (fitSlope)
            {
                var det = (h00 * h11) - (h01 * h01);
                if (det <= 0)
                {
                    throw new ArgumentException("Logistic fit is singular (no variation in x or separated outcomes).");
                }

                da = ((h11 * g0) - (h01 * g1)) / det;
                db = ((h00 * g1) - (h01 * g0)) / det;
            }
            else
            {
                if (h00 <= 0)
                {
                    throw new ArgumentException("Logistic fit is singular.");
                }

                da = g0 / h00;
            }

            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                return (a, b);
            }
        }

        throw new ArgumentException("Logistic fit did not converge (outcomes may be separated).");
    }

    /// <summary>
    /// Standard error of the slope b of a two-parameter fit (a, b) from the inverse Fisher information at the fit:
    /// √(I₀₀ / (I₀₀·I₁₁ − I₀₁²)), I = Σ μ(1 − μ)·[1, x; x, x²]. For a binary x it is Woolf's √(Σ 1/nᵢⱼ) of the log odds ratio.
    /// </summary>
    public static double SlopeStandardError(ReadOnlySpan<double> x, ReadOnlySpan<double> offset, double intercept, double slope)
    {
        if (x.Length != offset.Length)
        {
            throw new ArgumentException("x and offset must have the same length.");
        }

        double h00 = 0, h01 = 0, h11 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var mu = Expit(intercept + (slope * x[i]) + offset[i]);
            var w = mu * (1 - mu);
            h00 += w;
            h01 += w * x[i];
            h11 += w * x[i] * x[i];
        }

        var det = (h00 * h11) - (h01 * h01);
        return det > 0 ? Math.Sqrt(h00 / det) : double.NaN;
    }
}
