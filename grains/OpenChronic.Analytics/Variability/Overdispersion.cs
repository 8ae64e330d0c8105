namespace OpenChronic.Analytics.Variability;

/// <summary>Overdispersion of O/E ratios on the log scale (SHMI: Y = log(O/E), s = 1/√E), as in Spiegelhalter 2005 and Spiegelhalter et al. 2012.</summary>
public static class Overdispersion
{
    /// <summary>z_i = log(O_i/E_i)·√E_i; φ = mean of z² after 10 % winsorising each tail; τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)), w = E.</summary>
    public static OverdispersionResult Ratios(ReadOnlySpan<long> observed, ReadOnlySpan<double> expected, double winsorFraction = 0.1)
    {
        if (observed.Length != expected.Length || observed.Length < 2)
        {
            throw new ArgumentException("Need at least two units with matching observed and expected counts.");
        }

        var count = observed.Length;
        var z = new double[count];
        var w = new double[count];
        for (var i = 0; i < count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(observed[i], nameof(observed));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expected[i], nameof(expected));
            z[i] = Math.Log(observed[i] / expected[i]) * Math.Sqrt(expected[i]);
            w[i] = expected[i];
        }

        return Summarise(z, w, winsorFraction);
    }

    private static OverdispersionResult Summarise(double[] z, double[] w, double winsorFraction)
    {
        var count = z.Length;
        var winsorised = Winsorise(z, winsorFraction);
        var phi = winsorised.Sum(v => v * v) / count;
        double sumW = w.Sum(), sumW2 = w.Sum(v => v * v);
        var tau2 = Math.Max(0, ((count * phi) - (count - 1)) / (sumW - (sumW2 / sumW)));
        return new OverdispersionResult(phi, tau2, z);
    }

    /// <summary>Proportions on the arcsine scale: z_i = (asin√p_i − asin√θ₀)·2√n_i, w_i = 4n_i; same φ and τ² as <see cref="Ratios"/>.</summary>
    public static OverdispersionResult Proportions(ReadOnlySpan<long> events, ReadOnlySpan<long> sizes, double target, double winsorFraction = 0.1)
    {
        if (events.Length != sizes.Length || events.Length < 2)
        {
            throw new ArgumentException("Need at least two units with matching events and sizes.");
        }

        var count = events.Length;
        var z = new double[count];
        var w = new double[count];
        var y0 = Math.Asin(Math.Sqrt(target));
        for (var i = 0; i < count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizes[i], nameof(sizes));
            ArgumentOutOfRangeException.ThrowIfNegative(events[i], nameof(events));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(events[i], sizes[i], nameof(events));
            z[i] = (Math.Asin(Math.Sqrt(events[i] / (double)sizes[i])) - y0) * 2 * Math.Sqrt(sizes[i]);
            w[i] = 4.0 * sizes[i];
        }

        return Summarise(z, w, winsorFraction);
    }

    /// <summary>Replaces values below the ⌊fI⌋+1-th smallest and above the ⌊fI⌋+1-th largest by those values.</summary>
    public static double[] Winsorise(ReadOnlySpan<double> values, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fraction, 0.5);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var k = (int)Math.Floor(fraction * sorted.Length);
        double low = sorted[k], high = sorted[sorted.Length - 1 - k];
        var result = new double[values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Clamp(values[i], low, high);
        }

        return result;
    }
}
