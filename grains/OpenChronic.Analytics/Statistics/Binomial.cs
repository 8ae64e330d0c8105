namespace OpenChronic.Analytics.Statistics;

/// <summary>Binomial proportions: the Wilson score interval.</summary>
public static class Binomial
{
    /// <summary>Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/> at the normal quantile <paramref name="z"/>.</summary>
    public static (double Low, double High) Wilson(long successes, long trials, double z = 1.959963984540054)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return (0, 1);
        }

        double n = trials, p = successes / n, z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
