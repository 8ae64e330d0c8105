using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>One released cell: its key and its noisy total.</summary>
public readonly record struct NoisyCount(string Key, long Value);

/// <summary>
/// A differentially private release of cell totals, with what a reader needs to interpret it: the noise, the
/// half-width of the confidence interval of every count, and (for keys found in the data) the threshold.
/// </summary>
/// <param name="Counts">Released cells, ordered by key.</param>
/// <param name="Noise">The noise distribution, e.g. "discrete Laplace, scale t = 5".</param>
/// <param name="NoiseVariance">Variance of the noise added to each count.</param>
/// <param name="ConfidenceLevel">Level of the published intervals, e.g. 0.95.</param>
/// <param name="HalfWidth">Each released count c̃ has the interval [c̃ − h, c̃ + h] around the bounded total.</param>
/// <param name="Threshold">τ for a thresholded release (keys from the data), null for explicit keys.</param>
/// <param name="UnlistedCells">Cells present in the data but absent from the explicit key list (not released).</param>
/// <param name="Bounding">The contribution bounding the totals went through.</param>
public sealed record CountRelease(
    ImmutableArray<NoisyCount> Counts,
    string Noise,
    double NoiseVariance,
    double ConfidenceLevel,
    long HalfWidth,
    long? Threshold,
    int UnlistedCells,
    BoundedContributions Bounding);
