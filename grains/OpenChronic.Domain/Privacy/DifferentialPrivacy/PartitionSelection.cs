namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// The threshold for releasing keys found in the data ("τ-thresholding", partition selection).
/// </summary>
public static class PartitionSelection
{
    /// <summary>
    /// The smallest integer τ such that a key that exists only because of one person (so its bounded total is at
    /// most L∞) is released with probability at most δ' = 1 − (1 − δ)^(1/L0) under discrete Laplace noise;
    /// a person touches at most L0 keys, so any of their keys appears with probability at most δ, and the
    /// release is (ε, δ)-DP. This is the Laplace threshold of Wilson et al., "Differentially Private SQL with
    /// Bounded User Contribution" (PoPETs 2020(2), §3.2–3.3), as implemented in Google's
    /// differential-privacy library (cc/algorithms/partition-selection.h, LaplacePartitionSelection:
    /// τ = 1 − (L0/ε)·ln(2δ') with δ' from CalculateAdjustedDelta), rewritten for the two-sided geometric
    /// tail P(X ≥ m) = p^m/(1 + p), p = exp(−1/t), m ≥ 1: τ = L∞ + max(1, ⌈ln(δ'(1 + p))/ln p⌉).
    /// </summary>
    public static long LaplaceThreshold(DiscreteLaplace noise, double delta, ContributionBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(noise);
        if (!(delta > 0 && delta < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ lies in (0, 1).");
        }

        var perKeyDelta = -double.ExpM1(double.LogP1(-delta) / bounds.MaxCellsPerPerson);
        var p = noise.Ratio;
        var margin = (long)Math.Max(1, Math.Ceiling(Math.Log(perKeyDelta * (1 + p)) / Math.Log(p)));
        // Correct a floating rounding at the boundary with the exact tail formula.
        while (margin > 1 && UpperTail(p, margin - 1) <= perKeyDelta)
        {
            margin--;
        }

        while (UpperTail(p, margin) > perKeyDelta)
        {
            margin++;
        }

        return checked(bounds.MaxPerCell + margin);
    }

    /// <summary>P(X ≥ m) for the discrete Laplace with ratio p, m ≥ 1.</summary>
    public static double UpperTail(double p, long m) => Math.Pow(p, m) / (1 + p);
}
