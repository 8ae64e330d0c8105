using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>The integer noise an aggregate query adds to its cells.</summary>
public enum DpNoiseKind
{
    /// <summary>Discrete Laplace with scale L0·L∞/ε: pure ε-DP, or (ε, δ) when keys come from the data.</summary>
    Laplace,

    /// <summary>Discrete Gaussian with σ² = L0·L∞²/(2ρ): ρ-zCDP (explicit keys only).</summary>
    Gaussian,
}

/// <summary>
/// A differentially private aggregate: totals per cell of the dimensions, with each person's weight bounded.
/// When <see cref="ExplicitKeys"/> is set (one list per dimension, e.g. from a nomenclature), every cell of their
/// cross product is released, zeros included, and no δ is spent; otherwise the cells come from the data and
/// only those whose noisy total reaches the δ-threshold are released.
/// </summary>
/// <param name="Name">What is released, recorded in the budget ledger.</param>
/// <param name="Dimensions">Names of the dimensions, in the order of <see cref="MemberRow.Values"/>.</param>
/// <param name="Bounds">L0 (cells per person) and L∞ (weight per person and cell; 1 counts distinct persons).</param>
/// <param name="Noise">Laplace (ε) or Gaussian (ρ).</param>
/// <param name="Epsilon">ε for Laplace noise.</param>
/// <param name="Rho">ρ for Gaussian noise.</param>
/// <param name="Delta">δ paid for releasing keys found in the data (Laplace only).</param>
/// <param name="ExplicitKeys">Per dimension, the public list of its values; null when keys come from the data.</param>
/// <param name="ConfidenceLevel">Level of the published intervals.</param>
public sealed record DpAggregateQuery(
    string Name,
    ImmutableArray<string> Dimensions,
    ContributionBounds Bounds,
    DpNoiseKind Noise,
    double Epsilon = 0,
    double Rho = 0,
    double Delta = 1e-6,
    ImmutableArray<ImmutableArray<string>>? ExplicitKeys = null,
    double ConfidenceLevel = 0.95);

/// <summary>
/// One input row: a person (the privacy unit), their value of each dimension, and the row's weight (1 to count
/// persons). A person may have several rows, in the same cell or in several.
/// </summary>
public readonly record struct MemberRow(string PersonId, ImmutableArray<string> Values, long Weight = 1);
