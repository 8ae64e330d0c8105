using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// One released cell: the dimension values, the noisy total, and its confidence interval [Lower, Upper] for the
/// bounded total (noisy total ± the noise's half-width at the table's level).
/// </summary>
public sealed record DpAggregateCell(ImmutableArray<string> Values, long Count, long Lower, long Upper);

/// <summary>
/// A released differentially private table with what a reader needs: the noise and its scale (t for Laplace,
/// σ for Gaussian), its variance, the interval level and half-width, the δ-threshold when keys came from the
/// data, the privacy cost charged, and what contribution bounding removed.
/// </summary>
public sealed record DpAggregateTable(
    ImmutableArray<string> Dimensions,
    ImmutableArray<DpAggregateCell> Cells,
    string Noise,
    double NoiseScale,
    double NoiseVariance,
    double ConfidenceLevel,
    long HalfWidth,
    long? Threshold,
    PrivacyCost Cost,
    BoundedContributions Bounding);

/// <summary>The outcome of a query: the table, or the ledger's refusal and its reason (then nothing was computed).</summary>
public sealed record DpAggregateResult(bool Accepted, string Reason, DpAggregateTable? Table);
