using System.Collections.Immutable;

namespace OpenChronic.Analytics.Variability;

/// <summary>Stratum counts of one unit: population (or persons at risk) and observed events in one age × sex stratum.</summary>
public readonly record struct StratumCount(int Stratum, double Population, long Events);

/// <summary>Indirectly standardised ratio: observed, expected, O/E and its exact Poisson interval (Garwood: O's limits divided by E).</summary>
public readonly record struct StandardisedRatio(long Observed, double Expected, double Ratio, double Low, double High);

/// <summary>Funnel limits at one precision: 95 % and 99.8 % lower and upper.</summary>
public readonly record struct FunnelLimits(double Low95, double High95, double Low998, double High998);

/// <summary>Overdispersion: winsorised φ, additive τ² and the unit z-scores (unadjusted, on the transformed scale).</summary>
public readonly record struct OverdispersionResult(double Phi, double Tau2, double[] ZScores);

/// <summary>Position of a unit against funnel limits.</summary>
public enum FunnelPosition
{
    /// <summary>Within the 95 % limits.</summary>
    Within,

    /// <summary>Above 95 % (alert).</summary>
    High95,

    /// <summary>Above 99.8 % (alarm).</summary>
    High998,

    /// <summary>Below 95 %.</summary>
    Low95,

    /// <summary>Below 99.8 %.</summary>
    Low998,
}

/// <summary>Random-intercept logistic model: intercept, between-unit variance σ², ICC = σ²/(σ² + π²/3), MOR = exp(√(2σ²)Φ⁻¹(0.75)).</summary>
public readonly record struct RandomInterceptResult(double Intercept, double Variance, double Icc, double MedianOddsRatio);

/// <summary>One unit × stratum cell of a binomial outcome: entries (trials) and those meeting the outcome (events).</summary>
public readonly record struct BinomialCell(int Unit, int Stratum, long Events, long Trials);

/// <summary>
/// Random-intercept logistic model adjusted for age × sex (<see cref="CaseMixRandomIntercept"/>): between-unit variance σ²,
/// latent ICC, MOR, the maximised marginal log-likelihood, the units it was fitted on and the fixed effect β_s of each
/// informative stratum.
/// </summary>
public sealed record AdjustedRandomInterceptResult(
    double Variance, double Icc, double MedianOddsRatio, double LogLikelihood, int Units, ImmutableSortedDictionary<int, double> StratumIntercepts);
