using OpenChronic.Analytics.Statistics;
using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;

namespace OpenChronic.Analytics.Tests.Variability;

public sealed class CaseMixRandomInterceptTests
{
    // Six units, two strata (young, old), counts chosen by hand so that the units differ beyond their mix.
    private static readonly BinomialCell[] s_small =
    [
        new(0, 0, 3, 20), new(0, 1, 9, 15), new(1, 0, 6, 25), new(1, 1, 12, 14), new(2, 0, 1, 18), new(2, 1, 5, 16),
        new(3, 0, 8, 22), new(3, 1, 15, 18), new(4, 0, 2, 30), new(4, 1, 4, 10), new(5, 0, 5, 19), new(5, 1, 10, 17),
    ];

    [Fact]
    public void GaussHermite_ThreeNodes_MatchClosedForm()
    {
        // H₃ = 8x³ − 12x: roots 0, ±√(3/2); weights √π/6 at ±√(3/2) and 2√π/3 at 0.
        var (x, w) = GaussHermite.Rule(3);
        Assert.Equal(-Math.Sqrt(1.5), x[0], 1e-13);
        Assert.Equal(0, x[1], 1e-13);
        Assert.Equal(Math.Sqrt(1.5), x[2], 1e-13);
        Assert.Equal(Math.Sqrt(Math.PI) / 6, w[0], 1e-13);
        Assert.Equal(2 * Math.Sqrt(Math.PI) / 3, w[1], 1e-13);
    }

    [Fact]
    public void GaussHermite_TwentyNodes_IntegrateMomentsExactly()
    {
        // ∫ e^(−x²) = √π, ∫ x⁴ e^(−x²) = 3√π/4, ∫ x¹⁰ e^(−x²) = 945√π/32.
        var (x, w) = GaussHermite.Rule(20);
        Assert.Equal(Math.Sqrt(Math.PI), w.Sum(), 1e-12);
        Assert.Equal(3 * Math.Sqrt(Math.PI) / 4, x.Select((v, i) => w[i] * Math.Pow(v, 4)).Sum(), 1e-12);
        Assert.Equal(945 * Math.Sqrt(Math.PI) / 32, x.Select((v, i) => w[i] * Math.Pow(v, 10)).Sum(), 1e-9);
    }

    [Fact]
    public void IccAndMor_MatchHandComputedValues()
    {
        // σ² = 1: ICC = 1/(1 + π²/3) = 0.2331074; MOR = exp(√2 · 0.6744898) = exp(0.9538726) = 2.5957424 (Merlo et al. 2006, table 1: 2.6).
        // σ² = 0.25: ICC = 0.25/(0.25 + 3.2898681) = 0.0706241; MOR = exp(√0.5 · 0.6744898) = 1.6111308.
        Assert.Equal(0.2331074, CaseMixRandomIntercept.LatentIcc(1), 1e-7);
        Assert.Equal(2.5957424, CaseMixRandomIntercept.MedianOddsRatio(1), 1e-7);
        Assert.Equal(0.0706241, CaseMixRandomIntercept.LatentIcc(0.25), 1e-7);
        Assert.Equal(1.6111308, CaseMixRandomIntercept.MedianOddsRatio(0.25), 1e-7);
        Assert.Equal(1, CaseMixRandomIntercept.MedianOddsRatio(0), 1e-15);
    }

    [Fact]
    public void Fit_SmallData_IsTheMaximumOfABruteForceLikelihood()
    {
        // The likelihood integrated independently (trapezoid, 24,001 points over v ∈ [−12, 12]) is stationary at the fit and
        // lower at every neighbour, and equals the adaptive-quadrature value there.
        var fit = CaseMixRandomIntercept.Fit(s_small);
        double b0 = fit.StratumIntercepts[0], b1 = fit.StratumIntercepts[1], sigma = Math.Sqrt(fit.Variance);
        Assert.True(sigma > 0.1, $"σ {sigma}");
        var best = BruteForce(b0, b1, sigma);
        Assert.Equal(best, fit.LogLikelihood, 1e-6);
        const double H = 1e-4;
        Assert.Equal(0, (BruteForce(b0 + H, b1, sigma) - BruteForce(b0 - H, b1, sigma)) / (2 * H), 1e-3);
        Assert.Equal(0, (BruteForce(b0, b1 + H, sigma) - BruteForce(b0, b1 - H, sigma)) / (2 * H), 1e-3);
        Assert.Equal(0, (BruteForce(b0, b1, sigma + H) - BruteForce(b0, b1, sigma - H)) / (2 * H), 1e-3);
        foreach (var (d0, d1, ds) in new[] { (0.02, 0, 0.0), (-0.02, 0, 0), (0, 0.02, 0), (0, -0.02, 0), (0, 0, 0.02), (0, 0, -0.02), (0.02, 0.02, 0.02) })
        {
            Assert.True(BruteForce(b0 + d0, b1 + d1, sigma + ds) < best);
        }
    }

    [Fact]
    public void Fit_OneStratum_AgreesWithTheCrudeModel()
    {
        // With a single stratum the adjusted model is the intercept-only one, fitted separately by RandomInterceptLogistic
        // (fixed trapezoid grid, golden section on β and σ).
        long[] y = [3, 8, 5, 12, 6, 2, 9], n = [20, 25, 22, 30, 18, 21, 24];
        var crude = RandomInterceptLogistic.Fit(y, n);
        var adjusted = CaseMixRandomIntercept.Fit([.. y.Select((e, j) => new BinomialCell(j, 0, e, n[j]))]);
        Assert.Equal(crude.Variance, adjusted.Variance, 1e-3);
        Assert.Equal(crude.Intercept, adjusted.StratumIntercepts[0], 1e-3);
    }

    [Fact]
    public void Fit_UnitsDifferingOnlyByCaseMix_HaveNoAdjustedVariation()
    {
        // Young 10 %, old 50 % everywhere; unit j has 10·j old patients of 100: the crude rates run from 0.10 to 0.46,
        // the stratum rates are identical, so the adjusted σ² is 0 while the crude one is not.
        var cells = new List<BinomialCell>();
        long[] events = new long[10], sizes = new long[10];
        for (var j = 0; j < 10; j++)
        {
            var old = 10 * j;
            cells.Add(new BinomialCell(j, 0, (100 - old) / 10, 100 - old));
            cells.Add(new BinomialCell(j, 1, old / 2, old));
            (events[j], sizes[j]) = (((100 - old) / 10) + (old / 2), 100);
        }

        var adjusted = CaseMixRandomIntercept.Fit(cells);
        Assert.True(adjusted.Variance < 1e-4, $"adjusted σ² {adjusted.Variance}");
        Assert.Equal(Math.Log(0.1 / 0.9), adjusted.StratumIntercepts[0], 1e-3);
        Assert.Equal(0, adjusted.StratumIntercepts[1], 1e-3);
        Assert.True(RandomInterceptLogistic.Fit(events, sizes).Variance > 0.2);
    }

    [Fact]
    public void Fit_SimulatedUnits_RecoversThePlantedVariance()
    {
        // 300 units of 400 entries, three strata at −1.5, −0.5, 0.5, true σ² = 0.25 (seed 11): the estimate lies within 0.05.
        var random = new Random(11);
        var cells = new List<BinomialCell>();
        double[] beta = [-1.5, -0.5, 0.5];
        for (var j = 0; j < 300; j++)
        {
            var u = 0.5 * Normal(random);
            for (var s = 0; s < 3; s++)
            {
                var p = 1 / (1 + Math.Exp(-(beta[s] + u)));
                var e = Enumerable.Range(0, 400 / 3).Count(_ => random.NextDouble() < p);
                cells.Add(new BinomialCell(j, s, e, 400 / 3));
            }
        }

        var fit = CaseMixRandomIntercept.Fit(cells);
        Assert.Equal(0.25, fit.Variance, 0.05);
        Assert.Equal(-1.5, fit.StratumIntercepts[0], 0.1);
        Assert.Equal(fit.LogLikelihood, CaseMixRandomIntercept.LogLikelihood(cells, fit.StratumIntercepts, Math.Sqrt(fit.Variance)), 1e-9);
    }

    [Fact]
    public void Analyse_UnitsWithoutAnInformativeStratum_HaveNoAdjustedModel()
    {
        // Stratum 1 has outcomes everywhere (no information); unit B only has stratum 1, so one unit is left: no adjusted fit, no exception.
        UnitStratumCount[] cells =
        [
            new("A", 0, 20, 5, 20, 5), new("A", 1, 20, 20, 20, 20), new("B", 1, 30, 30, 30, 30), new("C", 0, 0, 0, 0, 0),
        ];
        var report = VariabilityAnalysis.Analyse(cells, 1);
        Assert.Null(report.MultilevelAdjusted);
    }

    [Fact]
    public void Fit_RejectsMoreEventsThanTrials() =>
        Assert.Throws<ArgumentException>(() => CaseMixRandomIntercept.Fit([new BinomialCell(0, 0, 5, 4), new BinomialCell(1, 0, 1, 4)]));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double BruteForce(double b0, double b1, double sigma)
    {
        const int Points = 24_001;
        const double Step = 24.0 / (Points - 1);
        double total = 0;
        foreach (var unit in s_small.GroupBy(c => c.Unit))
        {
            double sum = 0;
            for (var k = 0; k < Points; k++)
            {
                var v = -12 + (k * Step);
                var log = -v * v / 2;
                foreach (var c in unit)
                {
                    var p = 1 / (1 + Math.Exp(-((c.Stratum == 0 ? b0 : b1) + (sigma * v))));
                    log += (c.Events * Math.Log(p)) + ((c.Trials - c.Events) * Math.Log(1 - p));
                }

                sum += (k == 0 || k == Points - 1 ? 0.5 : 1) * Math.Exp(log);
            }

            total += Math.Log(sum * Step / Math.Sqrt(2 * Math.PI));
        }

        return total;
    }
}
