using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// The slide negative binomial model of Chen and Keller-McNulty, "Estimation of identification disclosure risk
/// in microdata" (J. Official Statistics 14(1), 1998): the K non-empty population classes have sizes F = 1 + G
/// with G negative binomial (a, b), and each person is sampled with probability f = n/N. Population uniques are
/// K·b^a. K is estimated with a Shlosser-type estimator (see <see cref="ShlosserClasses"/>). (a, b) solve E[c₁] = c₁ and E[c₂] = c₂, with, for
/// D = (1 − b)(1 − f), E[c₁] = K f (b/(1 − D))^a (1 + aD/(1 − D)) and
/// E[c₂] = K (f²/2) a (1 − b) b^a (2 − (1 − a)D)/(1 − D)^(a+2), derived here from the probability generating
/// function of G (and checked by simulation in the tests).
/// </summary>
public static class SnbModel
{
    /// <summary>Population uniques, with K estimated from the sample (NaN when the fit fails).</summary>
    public static double Estimate(ImmutableSortedDictionary<int, long> histogram, long n, long populationSize)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return Estimate(histogram, n, populationSize, ShlosserClasses(histogram, (double)n / populationSize));
    }

    /// <summary>Population uniques when the number K of non-empty population classes is known.</summary>
    public static double Estimate(ImmutableSortedDictionary<int, long> histogram, long n, long populationSize, double populationClasses)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        double c1 = histogram.GetValueOrDefault(1);
        double c2 = histogram.GetValueOrDefault(2);
        if (c1 == 0 || c2 == 0)
        {
            return double.NaN;
        }

        var f = (double)n / populationSize;
        var k = populationClasses;
        if (f >= 1)
        {
            return c1;
        }

        var best = (X: double.NaN, Y: double.NaN, Norm: double.PositiveInfinity);
        foreach (var a0 in new[] { 0.2, 1.0, 5.0 })
        {
            foreach (var b0 in new[] { 0.05, 0.3, 0.7 })
            {
                var solution = Solve(k, f, c1, c2, Math.Log(a0), Math.Log(b0 / (1 - b0)));
                if (solution.Norm < best.Norm)
                {
                    best = solution;
                }
            }
        }

        if (!(best.Norm < 1e-8))
        {
            return double.NaN;
        }

        var (alpha, beta) = Parameters(best.X, best.Y);
        return k * Math.Pow(beta, alpha);
    }

    /// <summary>
    /// The number of non-empty population classes by the Shlosser-type estimator D̂_Sh3 of Haas, Naughton,
    /// Seshadri and Stokes 1995 (meant for skewed class sizes; plain Shlosser overestimates K by ~20 % on an
    /// SNB population in our simulation): K = u + c₁ · [Σ j f²(1−f²)^(j−1) c_j / Σ (1−f)^j ((1+f)^j − 1) c_j]
    /// · [Σ (1−f)^j c_j / Σ j f (1−f)^(j−1) c_j]².
    /// </summary>
    public static double ShlosserClasses(ImmutableSortedDictionary<int, long> histogram, double f)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        double u = 0, first = 0, second = 0, third = 0, fourth = 0;
        foreach (var (size, count) in histogram)
        {
            u += count;
            first += size * f * f * Math.Pow(1 - (f * f), size - 1) * count;
            second += Math.Pow(1 - f, size) * (Math.Pow(1 + f, size) - 1) * count;
            third += Math.Pow(1 - f, size) * count;
            fourth += size * f * Math.Pow(1 - f, size - 1) * count;
        }

        var ratio = third / fourth;
        return u + (histogram.GetValueOrDefault(1) * (first / second) * ratio * ratio);
    }

    /// <summary>E[c₁] and E[c₂] under SNB(a, b) with K classes and sampling fraction f.</summary>
    public static (double C1, double C2) Expected(double k, double f, double a, double b)
    {
        var d = (1 - b) * (1 - f);
        var c1 = k * f * Math.Pow(b / (1 - d), a) * (1 + (a * d / (1 - d)));
        var c2 = k * (f * f / 2) * a * (1 - b) * Math.Pow(b, a) * (2 - ((1 - a) * d)) / Math.Pow(1 - d, a + 2);
        return (c1, c2);
    }

    private static (double A, double B) Parameters(double x, double y) => (Math.Exp(x), 1 / (1 + Math.Exp(-y)));

    private static (double X, double Y, double Norm) Solve(double k, double f, double c1, double c2, double x, double y)
    {
        // Newton on the log-residuals in unconstrained coordinates a = e^x, b = logistic(y), with a numerical
        // Jacobian and step halving on the residual norm.
        (double R1, double R2) Residual(double px, double py)
        {
            var (a, b) = Parameters(px, py);
            var (e1, e2) = Expected(k, f, a, b);
            return (Math.Log(e1) - Math.Log(c1), Math.Log(e2) - Math.Log(c2));
        }

        var r = Residual(x, y);
        var norm = (r.R1 * r.R1) + (r.R2 * r.R2);
        for (var iteration = 0; iteration < 200 && double.IsFinite(norm) && norm > 1e-16; iteration++)
        {
            const double H = 1e-6;
            var rx = Residual(x + H, y);
            var ry = Residual(x, y + H);
            var j11 = (rx.R1 - r.R1) / H;
            var j21 = (rx.R2 - r.R2) / H;
            var j12 = (ry.R1 - r.R1) / H;
            var j22 = (ry.R2 - r.R2) / H;
            var determinant = (j11 * j22) - (j12 * j21);
            if (!double.IsFinite(determinant) || Math.Abs(determinant) < 1e-300)
            {
                break;
            }

            var dx = -((j22 * r.R1) - (j12 * r.R2)) / determinant;
            var dy = -((j11 * r.R2) - (j21 * r.R1)) / determinant;
            var scale = 1.0;
            var improved = false;
            while (scale > 1e-6)
            {
                var candidate = Residual(x + (scale * dx), y + (scale * dy));
                var candidateNorm = (candidate.R1 * candidate.R1) + (candidate.R2 * candidate.R2);
                if (double.IsFinite(candidateNorm) && candidateNorm < norm)
                {
                    x += scale * dx;
                    y += scale * dy;
                    r = candidate;
                    norm = candidateNorm;
                    improved = true;
                    break;
                }

                scale /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return (x, y, double.IsFinite(norm) ? norm : double.PositiveInfinity);
    }
}
