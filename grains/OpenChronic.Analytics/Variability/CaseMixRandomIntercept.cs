using System.Collections.Immutable;
using OpenChronic.Analytics.Statistics;

namespace OpenChronic.Analytics.Variability;

/// <summary>
/// Random-intercept logistic model adjusted for case mix: logit P(y = 1 | unit j, stratum s) = β_s + u_j, u_j ~ N(0, σ²),
/// one fixed effect per age × sex stratum (the saturated age × sex model) and one random intercept per unit, fitted on the
/// binomial counts of the unit × stratum cells by maximum marginal likelihood. Each unit's integral
/// ∫ Π_s Bin(y_js | n_js, expit(β_s + σv)) φ(v) dv is computed by adaptive Gauss–Hermite quadrature (Pinheiro &amp; Bates 1995;
/// nodes centred on the mode of the unit's integrand and scaled by its curvature; one node is the Laplace approximation).
/// For a given σ the β_s solve their score equations by Fisher scoring (posterior expectations at the nodes); σ maximises
/// the profile likelihood by golden section on [0, 5]. Strata where every or no entry meets the outcome carry no
/// information on σ (their β_s run to ∓∞ and their likelihood to 1) and are left out.
/// Between-unit summaries on the latent scale: ICC = σ²/(σ² + π²/3) (Snijders &amp; Bosker; Goldstein, Browne &amp; Rasbash 2002)
/// and the median odds ratio MOR = exp(√(2σ²) Φ⁻¹(0.75)) (Merlo et al. 2006, J Epidemiol Community Health 60:290).
/// </summary>
public static class CaseMixRandomIntercept
{
    public const int DefaultNodes = 9;
    private const double MaxSigma = 5;
    private static readonly double s_golden = (Math.Sqrt(5) - 1) / 2;

    /// <summary>Latent-scale intra-class correlation of a random-intercept logistic model: σ²/(σ² + π²/3).</summary>
    public static double LatentIcc(double variance) => variance / (variance + (Math.PI * Math.PI / 3));

    /// <summary>Median odds ratio (Merlo et al. 2006): exp(√(2σ²) Φ⁻¹(0.75)) ≈ exp(0.954 σ).</summary>
    public static double MedianOddsRatio(double variance) => Math.Exp(Math.Sqrt(2 * variance) * Distributions.NormalQuantile(0.75));

    /// <summary>Fits the model to unit × stratum counts; <paramref name="nodes"/> quadrature nodes per unit (1 = Laplace).</summary>
    public static AdjustedRandomInterceptResult Fit(IReadOnlyList<BinomialCell> cells, int nodes = DefaultNodes)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        foreach (var c in cells)
        {
            if (c.Events < 0 || c.Trials < c.Events)
            {
                throw new ArgumentException($"Unit {c.Unit}, stratum {c.Stratum}: {c.Events} events of {c.Trials} trials.", nameof(cells));
            }
        }

        var informative = cells.GroupBy(c => c.Stratum)
            .Where(g => g.Sum(c => c.Events) > 0 && g.Sum(c => c.Events) < g.Sum(c => c.Trials))
            .Select(g => g.Key).Order().ToArray();
        var strata = informative.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var units = cells.Where(c => c.Trials > 0 && strata.ContainsKey(c.Stratum)).GroupBy(c => c.Unit).OrderBy(g => g.Key)
            .Select(g => g.Select(c => (Stratum: strata[c.Stratum], Events: (double)c.Events, Trials: (double)c.Trials)).ToArray()).ToArray();
        if (units.Length < 2 || informative.Length == 0)
        {
            throw new ArgumentException("Need at least two units and one stratum where some but not all entries meet the outcome.", nameof(cells));
        }

        var model = new Model(units, informative.Length, GaussHermite.Rule(nodes));
        var beta = new double[informative.Length];
        for (var s = 0; s < beta.Length; s++)
        {
            double y = units.Sum(u => u.Where(c => c.Stratum == s).Sum(c => c.Events)), n = units.Sum(u => u.Where(c => c.Stratum == s).Sum(c => c.Trials));
            beta[s] = Math.Log(y / (n - y));
        }

        var sigma = Maximise(s => model.Profile(beta, s), 0, MaxSigma);
        var logLikelihood = model.Profile(beta, sigma);
        var variance = sigma * sigma;
        return new AdjustedRandomInterceptResult(variance, LatentIcc(variance), MedianOddsRatio(variance), logLikelihood, units.Length,
            informative.Select((s, i) => (s, i)).ToImmutableSortedDictionary(x => x.s, x => beta[x.i]));
    }

    /// <summary>Marginal log-likelihood (without binomial coefficients) at (β per stratum, σ), by adaptive quadrature.</summary>
    public static double LogLikelihood(IReadOnlyList<BinomialCell> cells, IReadOnlyDictionary<int, double> beta, double sigma, int nodes = DefaultNodes)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(beta);
        var strata = beta.Keys.Order().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var units = cells.Where(c => c.Trials > 0).GroupBy(c => c.Unit)
            .Select(g => g.Select(c => (Stratum: strata[c.Stratum], Events: (double)c.Events, Trials: (double)c.Trials)).ToArray()).ToArray();
        return new Model(units, strata.Count, GaussHermite.Rule(nodes)).Evaluate(beta.OrderBy(b => b.Key).Select(b => b.Value).ToArray(), sigma, null, null);
    }

    private static double Maximise(Func<double, double> f, double low, double high)
    {
        double a = low, b = high;
        var c = b - (s_golden * (b - a));
        var d = a + (s_golden * (b - a));
        double fc = f(c), fd = f(d);
        while (b - a > 1e-6)
        {
            if (fc > fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - (s_golden * (b - a));
                fc = f(c);
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + (s_golden * (b - a));
                fd = f(d);
            }
        }

        return (a + b) / 2;
    }

    private sealed class Model((int Stratum, double Events, double Trials)[][] units, int strata, (double[] Nodes, double[] Weights) rule)
    {
        private readonly double[] _logWeights = [.. rule.Weights.Select(w => Math.Log(w))];

        // Fisher scoring of the β_s at fixed σ (warm start from the β passed in), then the log-likelihood there.
        public double Profile(double[] beta, double sigma)
        {
            var gradient = new double[strata];
            var information = new double[strata];
            for (var iteration = 0; iteration < 200; iteration++)
            {
                Array.Clear(gradient);
                Array.Clear(information);
                Evaluate(beta, sigma, gradient, information);
                double largest = 0;
                for (var s = 0; s < strata; s++)
                {
                    var step = Math.Clamp(gradient[s] / information[s], -2, 2);
                    beta[s] += step;
                    largest = Math.Max(largest, Math.Abs(step));
                }

                if (largest < 1e-10)
                {
                    break;
                }
            }

            return Evaluate(beta, sigma, null, null);
        }

        public double Evaluate(double[] beta, double sigma, double[]? gradient, double[]? information)
        {
            var nodes = rule.Nodes;
            var terms = new double[nodes.Length];
            double total = 0;
            foreach (var cells in units)
            {
                // Mode of g(v) = Σ log Bin − v²/2 (concave: g'' ≤ −1) by Newton, then the curvature there.
                double v = 0, curvature = 1;
                for (var iteration = 0; iteration < 100; iteration++)
                {
                    double first = -v;
                    curvature = 1;
                    foreach (var (s, y, n) in cells)
                    {
                        var p = Expit(beta[s] + (sigma * v));
                        first += sigma * (y - (n * p));
                        curvature += sigma * sigma * n * p * (1 - p);
                    }

                    var step = Math.Clamp(first / curvature, -5, 5);
                    v += step;
                    if (Math.Abs(step) < 1e-12)
                    {
                        break;
                    }
                }

                var scale = Math.Sqrt(2 / curvature);
                var max = double.NegativeInfinity;
                for (var k = 0; k < nodes.Length; k++)
                {
                    var x = v + (scale * nodes[k]);
                    terms[k] = _logWeights[k] + (nodes[k] * nodes[k]) + G(cells, beta, sigma, x);
                    max = Math.Max(max, terms[k]);
                }

                double sum = 0;
                for (var k = 0; k < nodes.Length; k++)
                {
                    terms[k] = Math.Exp(terms[k] - max);
                    sum += terms[k];
                }

                total += max + Math.Log(sum) + Math.Log(scale) - (0.5 * Math.Log(2 * Math.PI));
                if (gradient is null || information is null)
                {
                    continue;
                }

                for (var k = 0; k < nodes.Length; k++)
                {
                    var weight = terms[k] / sum;
                    var x = v + (scale * nodes[k]);
                    foreach (var (s, y, n) in cells)
                    {
                        var p = Expit(beta[s] + (sigma * x));
                        gradient[s] += weight * (y - (n * p));
                        information[s] += weight * n * p * (1 - p);
                    }
                }
            }

            return total;
        }

        private static double G((int Stratum, double Events, double Trials)[] cells, double[] beta, double sigma, double v)
        {
            var g = -v * v / 2;
            foreach (var (s, y, n) in cells)
            {
                var eta = beta[s] + (sigma * v);
                g -= (y * Softplus(-eta)) + ((n - y) * Softplus(eta));
            }

            return g;
        }

        // log(1 + e^x) without overflow.
        private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

        private static double Expit(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
    }
}
