using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// The policies a calibration explores and how it measures them. For every (k, suppression limit) the optimal
/// full-domain generalization (hierarchy levels) is found by Flash under <see cref="Metric"/>; condition sets are
/// generalized to k^m-anonymity for every m of <see cref="Ms"/>; and each ε of <see cref="Epsilons"/> is rated
/// for the noisy class-count table that accompanies the release.
/// </summary>
/// <param name="Ks">Values of k tried.</param>
/// <param name="SuppressionLimits">Suppression limits tried (fractions of the records).</param>
/// <param name="Ms">Values of m tried for the condition sets (each ≤ 4).</param>
/// <param name="AttackerCodes">How many of a person's codes the attacker is assumed to know: the m the release uses.</param>
/// <param name="Epsilons">Values of ε tried for the DP class-count table.</param>
/// <param name="Delta">δ of the DP table (its keys come from the data).</param>
/// <param name="Metric">The information loss minimized by the search and used to rank policies.</param>
/// <param name="Attacks">Attempts per attack.</param>
/// <param name="Neighbours">Neighbours of the linkability attack.</param>
/// <param name="PopulationSize">N for population uniqueness (the SNDS: about 67 M).</param>
/// <param name="Seed">Seed of the shadow split and of the attacks: the same seed gives the same result.</param>
public sealed record CalibrationOptions(
    ImmutableArray<int> Ks,
    ImmutableArray<double> SuppressionLimits,
    ImmutableArray<int> Ms,
    int AttackerCodes,
    ImmutableArray<double> Epsilons,
    double Delta,
    InformationLossMetric Metric,
    int Attacks,
    int Neighbours,
    long PopulationSize,
    ulong Seed)
{
    /// <summary>The default exploration.</summary>
    public static CalibrationOptions Default(ulong seed) => new(
        [2, 5, 11, 12, 15, 20, 30, 50],
        [0, 0.01, 0.05],
        [1, 2, 3],
        AttackerCodes: 2,
        [0.05, 0.1, 0.25, 0.5, 1, 2],
        Delta: 1e-6,
        InformationLossMetric.Loss,
        Attacks: 500,
        Neighbours: 1,
        PopulationSize: 67_000_000,
        seed);
}
