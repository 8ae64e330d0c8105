using OpenChronic.Analytics.Statistics;

namespace OpenChronic.Analytics.Variability;

/// <summary>
/// Intercept-only random-intercept logistic model logit P(y_ij = 1) = β + u_j, u_j ~ N(0, σ²), fitted by maximum marginal likelihood:
/// each unit's likelihood ∫ Bin(y_j | n_j, expit(β + σv)) φ(v) dv is integrated numerically (trapezoid over v ∈ [−8, 8], 161 nodes),
/// β is maximised by golden section for each σ, and σ by golden section on [0, 5].
/// </summary>
public static class RandomInterceptLogistic
{
    private const int Nodes = 161;
    private static readonly double s_golden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>Fits the model to unit event counts and sizes.</summary>
    public static RandomInterceptResult Fit(ReadOnlySpan<long> events, ReadOnlySpan<long> sizes)
    {
        if (events.Length != sizes.Length || events.Length < 2)
        {
            throw new ArgumentException("Need at least two units with matching events and sizes.");
        }

        var y = events.ToArray();
        var n = sizes.ToArray();
        for (var j = 0; j < y.Length; j++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(y[j], nameof(events));
            ArgumentOutOfRangeException.ThrowIfLessThan(n[j], y[j], nameof(sizes));
        }

        double bestBeta = 0;
        var sigma = Maximise(s => Profile(y, n, s, out _), 0, 5);
        Profile(y, n, sigma, out bestBeta);
        var variance = sigma * sigma;
        var icc = variance / (variance + (Math.PI * Math.PI / 3));
        var mor = Math.Exp(Math.Sqrt(2 * variance) * Distributions.NormalQuantile(0.75));
        return new RandomInterceptResult(bestBeta, variance, icc, mor);
    }

    /// <summary>Marginal log-likelihood (without binomial coefficients) at (β, σ).</summary>
    public static double LogLikelihood(ReadOnlySpan<long> events, ReadOnlySpan<long> sizes, double beta, double sigma)
    {
        double total = 0;
        const double Step = 16.0 / (Nodes - 1);
        var terms = new double[Nodes];
        for (var j = 0; j < events.Length; j++)
        {
            var max = double.NegativeInfinity;
            for (var k = 0; k < Nodes; k++)
            {
                var v = -8 + (k * Step);
                var eta = beta + (sigma * v);
                var logP = -Math.Log(1 + Math.Exp(-eta));
                var logQ = -Math.Log(1 + Math.Exp(eta));
                terms[k] = (events[j] * logP) + ((sizes[j] - events[j]) * logQ) - (v * v / 2);
                max = Math.Max(max, terms[k]);
            }

            double sum = 0;
            for (var k = 0; k < Nodes; k++)
            {
                var weight = k == 0 || k == Nodes - 1 ? 0.5 : 1;
                sum += weight * Math.Exp(terms[k] - max);
            }

            total += max + Math.Log(sum * Step / Math.Sqrt(2 * Math.PI));
        }

        return total;
    }

    private static double Profile(long[] y, long[] n, double sigma, out double beta)
    {
        beta = Maximise(b => LogLikelihood(y, n, b, sigma), -15, 15);
        return LogLikelihood(y, n, beta, sigma);
    }

    private static double Maximise(Func<double, double> f, double low, double high)
    {
        double a = low, b = high;
        var c = b - (s_golden * (b - a));
        var d = a + (s_golden * (b - a));
        double fc = f(c), fd = f(d);
        for (var i = 0; i < 60 && b - a > 1e-7; i++)
        {
            if (fc > fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (s_golden * (b - a));
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (s_golden * (b - a));
                fd = f(d);
            }
        }

        return (a + b) / 2;
    }
}
