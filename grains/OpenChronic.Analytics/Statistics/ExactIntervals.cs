namespace OpenChronic.Analytics.Statistics;

/// <summary>Exact (Garwood) Poisson and (Clopper–Pearson) binomial confidence intervals from gamma and beta quantiles.</summary>
public static class ExactIntervals
{
    /// <summary>Exact Poisson interval for an observed count: [Γ⁻¹(α/2; O), Γ⁻¹(1−α/2; O+1)].</summary>
    public static (double Low, double High) Poisson(long observed, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        var alpha = 1 - level;
        var low = observed == 0 ? 0 : Distributions.GammaQuantile(alpha / 2, observed);
        var high = Distributions.GammaQuantile(1 - (alpha / 2), observed + 1);
        return (low, high);
    }

    /// <summary>Clopper–Pearson interval: [B⁻¹(α/2; x, n−x+1), B⁻¹(1−α/2; x+1, n−x)].</summary>
    public static (double Low, double High) Binomial(long successes, long trials, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return (0, 1);
        }

        var alpha = 1 - level;
        var low = successes == 0 ? 0 : Distributions.BetaQuantile(alpha / 2, successes, trials - successes + 1);
        var high = successes == trials ? 1 : Distributions.BetaQuantile(1 - (alpha / 2), successes + 1, trials - successes);
        return (low, high);
    }
}
