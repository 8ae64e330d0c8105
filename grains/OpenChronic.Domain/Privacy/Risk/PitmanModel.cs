using System.Collections.Immutable;
using OpenChronic.Domain.Numerics;

namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// Pitman's sampling formula (Pitman-Yor partition with parameters θ &gt; −α, 0 &lt; α &lt; 1), fitted by maximum
/// likelihood on the sample's class sizes, as in Hoshino, "Applying Pitman's sampling formula to microdata
/// disclosure risk assessment" (J. Official Statistics 17(4), 2001). With u classes, n records and c_j classes
/// of size j, the log-likelihood is Σ_{i=1}^{u−1} ln(θ + iα) − Σ_{i=1}^{n−1} ln(θ + i) + Σ_j c_j Σ_{k=1}^{j−1} ln(k − α),
/// maximised here by Newton's method with closed-form (digamma/trigamma) derivatives. The expected number of
/// population uniques is then Γ(θ + 1)/Γ(θ + α) · N^α.
/// </summary>
public static class PitmanModel
{
    private const int MaxIterations = 200;

    public static double Estimate(ImmutableSortedDictionary<int, long> histogram, long n, long populationSize)
    {
        var u = histogram.Values.Sum();
        if (u < 2 || u >= n)
        {
            // One class, or only uniques: the likelihood has no interior maximum.
            return double.NaN;
        }

        var best = (Theta: double.NaN, Alpha: double.NaN, LogLikelihood: double.NegativeInfinity);
        foreach (var (theta0, alpha0) in StartingPoints(histogram, n, u))
        {
            var fit = Solve(histogram, n, u, theta0, alpha0);
            if (fit is { } found && found.LogLikelihood > best.LogLikelihood)
            {
                best = found;
            }
        }

        if (double.IsNaN(best.Alpha))
        {
            return double.NaN;
        }

        return Math.Exp(Gamma.LogGamma(best.Theta + 1) - Gamma.LogGamma(best.Theta + best.Alpha)
            + (best.Alpha * Math.Log(populationSize)));
    }

    private static IEnumerable<(double Theta, double Alpha)> StartingPoints(ImmutableSortedDictionary<int, long> histogram, long n, double u)
    {
        // The closed-form start ARX uses (from c1, c2, u and n), then a coarse grid; the best maximum wins.
        double c1 = histogram.GetValueOrDefault(1);
        double c2 = Math.Max(1, histogram.GetValueOrDefault(2));
        var c = c1 * (c1 - 1) / c2;
        var theta = ((n * u * c) - (c1 * (n - 1) * ((2 * u) + c))) / ((2 * c1 * u) + (c1 * c) - (n * c));
        var alpha = ((theta * (c1 - n)) + ((n - 1) * c1)) / (n * u);
        if (InDomain(theta, alpha))
        {
            yield return (theta, alpha);
        }

        foreach (var a in new[] { 0.1, 0.5, 0.9 })
        {
            foreach (var t in new[] { 1.0, Math.Sqrt(u), u })
            {
                yield return (t, a);
            }
        }
    }

    private static bool InDomain(double theta, double alpha) =>
        double.IsFinite(theta) && double.IsFinite(alpha) && alpha > 0 && alpha < 1 && theta > -alpha;

    private static (double Theta, double Alpha, double LogLikelihood)? Solve(
        ImmutableSortedDictionary<int, long> histogram, long n, double u, double theta, double alpha)
    {
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (gt, ga, htt, hta, haa) = Derivatives(histogram, n, u, theta, alpha);
            var determinant = (htt * haa) - (hta * hta);
            if (!double.IsFinite(determinant) || determinant == 0)
            {
                return null;
            }

            // Newton step: solve H·Δ = −g.
            var stepTheta = -((haa * gt) - (hta * ga)) / determinant;
            var stepAlpha = -((htt * ga) - (hta * gt)) / determinant;
            var scale = 1.0;
            while (!InDomain(theta + (scale * stepTheta), alpha + (scale * stepAlpha)) && scale > 1e-12)
            {
                scale /= 2;
            }

            if (scale <= 1e-12)
            {
                return null;
            }

            theta += scale * stepTheta;
            alpha += scale * stepAlpha;
            if (Math.Abs(scale * stepTheta) <= 1e-10 * (1 + Math.Abs(theta)) && Math.Abs(scale * stepAlpha) <= 1e-12)
            {
                var check = Derivatives(histogram, n, u, theta, alpha);
                // A maximum: negative-definite Hessian.
                return check.Htt < 0 && (check.Htt * check.Haa) - (check.Hta * check.Hta) > 0
                    ? (theta, alpha, LogLikelihood(histogram, n, u, theta, alpha))
                    : null;
            }
        }

        return null;
    }

    private static (double Gt, double Ga, double Htt, double Hta, double Haa) Derivatives(
        ImmutableSortedDictionary<int, long> histogram, long n, double u, double theta, double alpha)
    {
        var ratio = theta / alpha;
        // S1 = Σ_{i=1}^{u−1} 1/(θ + iα), S2 = Σ 1/(θ + iα)².
        var s1 = (Gamma.Digamma(ratio + u) - Gamma.Digamma(ratio + 1)) / alpha;
        var s2 = (Gamma.Trigamma(ratio + 1) - Gamma.Trigamma(ratio + u)) / (alpha * alpha);
        var gt = s1 - (Gamma.Digamma(theta + n) - Gamma.Digamma(theta + 1));
        var htt = -s2 + (Gamma.Trigamma(theta + 1) - Gamma.Trigamma(theta + n));
        var hta = -(s1 - (theta * s2)) / alpha;
        var sumI = ((u - 1) / alpha) - (ratio * s1);
        var sumISquared = ((u - 1) - (2 * theta * s1) + (theta * theta * s2)) / (alpha * alpha);
        double classFirst = 0, classSecond = 0;
        var digammaBase = Gamma.Digamma(1 - alpha);
        var trigammaBase = Gamma.Trigamma(1 - alpha);
        foreach (var (size, count) in histogram)
        {
            if (size > 1)
            {
                classFirst += count * (Gamma.Digamma(size - alpha) - digammaBase);
                classSecond += count * (trigammaBase - Gamma.Trigamma(size - alpha));
            }
        }

        return (gt, sumI - classFirst, htt, hta, -sumISquared - classSecond);
    }

    private static double LogLikelihood(ImmutableSortedDictionary<int, long> histogram, long n, double u, double theta, double alpha)
    {
        var ratio = theta / alpha;
        var classes = ((u - 1) * Math.Log(alpha)) + Gamma.LogGamma(ratio + u) - Gamma.LogGamma(ratio + 1);
        var records = Gamma.LogGamma(theta + n) - Gamma.LogGamma(theta + 1);
        double sizes = 0;
        var baseLog = Gamma.LogGamma(1 - alpha);
        foreach (var (size, count) in histogram)
        {
            sizes += count * (Gamma.LogGamma(size - alpha) - baseLog);
        }

        return classes - records + sizes;
    }
}
