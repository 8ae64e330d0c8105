namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>
/// Cleveland (1979) lowess: local linear fits with tricube weights on the ⌊f·n⌋ nearest x, then bisquare robustness
/// iterations. With <c>delta</c> &gt; 0, as in Cleveland's program and R's <c>lowess</c>, the local fit is computed only
/// at points more than delta apart (and at the last point) and linearly interpolated between them: each fit costs f·n,
/// so without it a million test rows cost 10^11 operations.
/// </summary>
public static class Lowess
{
    /// <summary>
    /// Smoothed values at each x (any order). <paramref name="span"/> = f, <paramref name="iterations"/> robustness
    /// passes (R's iter), <paramref name="delta"/> the distance within which fits are interpolated (R's delta; 0 = a
    /// fit at every point).
    /// </summary>
    public static double[] Smooth(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double span = 2.0 / 3.0, int iterations = 3, double delta = 0)
    {
        if (x.Length != y.Length || x.Length == 0)
        {
            throw new ArgumentException("x and y must be non-empty and of the same length.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(span);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ArgumentOutOfRangeException.ThrowIfNegative(delta);
        var n = x.Length;
        var xs = x.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(xs, order);
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            ys[i] = y[order[i]];
        }

        var neighbours = Math.Max(Math.Min((int)((span * n) + 1e-7), n), Math.Min(2, n));
        var robust = new double[n];
        Array.Fill(robust, 1.0);
        var fitted = new double[n];
        for (var pass = 0; pass <= iterations; pass++)
        {
            FitPass(xs, ys, robust, neighbours, delta, fitted);

            if (pass == iterations)
            {
                break;
            }

            var residuals = new double[n];
            for (var i = 0; i < n; i++)
            {
                residuals[i] = Math.Abs(ys[i] - fitted[i]);
            }

            var sorted = (double[])residuals.Clone();
            Array.Sort(sorted);
            var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
            if (median == 0)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                var u = residuals[i] / (6 * median);
                robust[i] = u < 1 ? (1 - (u * u)) * (1 - (u * u)) : 0;
            }
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[order[i]] = fitted[i];
        }

        return result;
    }

    // One pass of local fits: at every point when delta is 0; else at the first point, then at the last point within
    // delta of the previous fit (points tied with it share its value), interpolating linearly in between (clowess).
    private static void FitPass(double[] xs, double[] ys, double[] robust, int neighbours, double delta, double[] fitted)
    {
        var n = xs.Length;
        var left = 0;
        var last = -1;
        var i = 0;
        while (true)
        {
            while (left + neighbours < n && xs[i] - xs[left] > xs[left + neighbours] - xs[i])
            {
                left++;
            }

            var h = Math.Max(xs[i] - xs[left], xs[left + neighbours - 1] - xs[i]);
            fitted[i] = LocalLinear(xs, ys, robust, i, h, left, neighbours);
            if (last < i - 1)
            {
                var gap = xs[i] - xs[last];
                for (var j = last + 1; j < i; j++)
                {
                    var alpha = gap > 0 ? (xs[j] - xs[last]) / gap : 0;
                    fitted[j] = (alpha * fitted[i]) + ((1 - alpha) * fitted[last]);
                }
            }

            last = i;
            if (last >= n - 1)
            {
                return;
            }

            var cut = xs[last] + delta;
            var next = last + 1;
            for (; next < n; next++)
            {
                if (xs[next] > cut)
                {
                    break;
                }

                if (xs[next] == xs[last])
                {
                    fitted[next] = fitted[last];
                    last = next;
                }
            }

            if (last >= n - 1)
            {
                return;
            }

            i = Math.Max(last + 1, next - 1);
        }
    }

    private static double LocalLinear(double[] xs, double[] ys, double[] robust, int i, double h, int left, int count)
    {
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        var lo = left;
        var hi = left + count - 1;
        while (lo > 0 && xs[lo - 1] == xs[lo])
        {
            lo--;
        }

        while (hi + 1 < xs.Length && xs[hi + 1] == xs[hi])
        {
            hi++;
        }

        for (var j = lo; j <= hi; j++)
        {
            var d = Math.Abs(xs[j] - xs[i]);
            var t = h > 0 ? d / h : 0;
            var tricube = t < 1 ? Math.Pow(1 - (t * t * t), 3) : (h > 0 ? 0 : 1);
            var w = tricube * robust[j];
            sw += w;
            swx += w * xs[j];
            swy += w * ys[j];
            swxx += w * xs[j] * xs[j];
            swxy += w * xs[j] * ys[j];
        }

        if (sw <= 0)
        {
            return ys[i];
        }

        var mx = swx / sw;
        var my = swy / sw;
        var sxx = (swxx / sw) - (mx * mx);
        if (sxx <= 1e-12 * Math.Max(1, mx * mx))
        {
            return my;
        }

        var slope = ((swxy / sw) - (mx * my)) / sxx;
        return my + (slope * (xs[i] - mx));
    }
}
