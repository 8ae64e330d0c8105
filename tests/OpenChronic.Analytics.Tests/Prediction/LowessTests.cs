using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Tests.Prediction;

public sealed class LowessTests
{
    [Fact]
    public void Smooth_LinearData_IsReproduced()
    {
        // A local linear fit reproduces a straight line exactly: y = 2x + 1.
        var x = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var y = x.Select(v => (2 * v) + 1).ToArray();
        var s = Lowess.Smooth(x, y, 0.5, 3);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(y[i], s[i], 9);
        }
    }

    [Fact]
    public void Smooth_FourPoints_MatchesTricubeWeightedFit()
    {
        // x = 1..4, y = 0,1,0,1, f = 1, no robustness. At x = 1: h = 3, t = 0, 1/3, 2/3, 1 → w = 1, (26/27)³ = 0.892966,
        // (19/27)³ = 0.348483, 0; weighted least squares line at 1 = 0.2395445.
        // At x = 2: h = 2, t = 1/2, 0, 1/2, 1 → w = 0.669922, 1, 0.669922, 0 → fit at 2 = 0.4273790.
        var s = Lowess.Smooth([4, 1, 3, 2], [1, 0, 0, 1], 1, 0);
        Assert.Equal(0.2395445, s[1], 1e-7);
        Assert.Equal(0.4273790, s[3], 1e-7);
    }

    [Fact]
    public void Smooth_RobustnessIterations_IgnoreAnOutlier()
    {
        // y = 2x + 1 on x = 1..10 except y(6) = 100. The first robust pass gives the outlier bisquare weight 0
        // (|e| > 6·median|e|); the remaining points are collinear, so the smooth is the line 2x + 1 everywhere (13 at x = 6).
        var x = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var y = x.Select(v => (2 * v) + 1).ToArray();
        y[5] = 100;
        var s = Lowess.Smooth(x, y, 1, 3);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal((2 * x[i]) + 1, s[i], 1e-9);
        }

        Assert.True(Math.Abs(Lowess.Smooth(x, y, 1, 0)[5] - 13) > 1);
    }

    [Fact]
    public void Smooth_WithDelta_FitsEveryPointPastDeltaAndInterpolatesBetween()
    {
        // x = 0..9, delta = 2.5: fits at 0, then the last point within 2.5 of the previous fit (2, 4, 6, 8) and at the
        // last point (9); 1, 3, 5, 7 are the midpoints of their neighbours' fits.
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        double[] y = [0.1, 0.9, 0.3, 0.7, 0.2, 0.8, 0.6, 0.4, 1.0, 0.0];
        var exact = Lowess.Smooth(x, y, 0.6, 0);

        var fast = Lowess.Smooth(x, y, 0.6, 0, delta: 2.5);

        foreach (var i in (int[])[0, 2, 4, 6, 8, 9])
        {
            Assert.Equal(exact[i], fast[i], 12);
        }

        foreach (var i in (int[])[1, 3, 5, 7])
        {
            Assert.Equal((exact[i - 1] + exact[i + 1]) / 2, fast[i], 12);
            Assert.NotEqual(exact[i], fast[i], 6);
        }
    }

    [Fact]
    public void Smooth_WithDelta_TiedXShareTheFit()
    {
        double[] x = [1, 1, 1, 2, 3, 3, 4];
        double[] y = [0, 1, 1, 0, 1, 0, 1];
        var exact = Lowess.Smooth(x, y, 1, 0);

        var fast = Lowess.Smooth(x, y, 1, 0, delta: 0.5);

        Assert.Equal(exact, fast, (a, b) => Math.Abs(a - b) < 1e-12);
    }
}
