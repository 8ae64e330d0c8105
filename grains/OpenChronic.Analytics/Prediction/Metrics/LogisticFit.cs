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

    /// <summary><see cref="Logit"/> of every probability.</summary>
    public static double[] Logits(ReadOnlySpan<double> p)
    {
        var z = new double[p.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = Logit(p[i]);
        }

        return z;
    }

    /// <summary>Inverse logit.</summary>
    public static double Expit(double eta) => 1 / (1 + Math.Exp(-eta));

    /// <summary>
    /// Maximum-likelihood (a, b); when <paramref name="fitSlope"/> is false, b is fixed at 0 and only a is fitted.
    /// Newton–Raphson from a = logit(ȳ) − mean(offset), b = 0, with step halving whenever a step lowers the
    /// log-likelihood (extreme offsets, e.g. a model predicting ~1e-12 for every row, otherwise overshoot to weights of 0).
    /// </summary>
    public static (double Intercept, double Slope) Fit(
        ReadOnlySpan<double> x, ReadOnlySpan<double> offset, ReadOnlySpan<bool> y, bool fitSlope, int maxIterations = 50)
    {
        if (x.Length != y.Length || offset.Length != y.Length)
        {
            throw new ArgumentException("x, offset and y must have the same length.");
        }

        double events = 0, meanOffset = 0;
        for (var i = 0; i < y.Length; i++)
        {
            events += y[i] ? 1 : 0;
            meanOffset += offset[i];
        }

        var rate = events / Math.Max(1, y.Length);
        double a = rate is > 0 and < 1 ? Logit(rate) - (meanOffset / Math.Max(1, y.Length)) : 0, b = 0;
        var logLikelihood = LogLikelihood(x, offset, y, a, b);
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

            var halvings = 0;
            var next = LogLikelihood(x, offset, y, a + da, b + db);
            while (!(next >= logLikelihood - 1e-12) && halvings++ < 60)
            {
                da /= 2;
                db /= 2;
                next = LogLikelihood(x, offset, y, a + da, b + db);
            }

            a += da;
            b += db;
            logLikelihood = next;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                return (a, b);
            }
        }

        throw new ArgumentException("Logistic fit did not converge (outcomes may be separated).");
    }

    // Σ y·η − log(1 + e^η), computed without overflow for large |η|.
    private static double LogLikelihood(ReadOnlySpan<double> x, ReadOnlySpan<double> offset, ReadOnlySpan<bool> y, double a, double b)
    {
        double sum = 0;
        for (var i = 0; i < y.Length; i++)
        {
            var eta = a + (b * x[i]) + offset[i];
            var softplus = eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta));
            sum += (y[i] ? eta : 0) - softplus;
        }

        return sum;
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
