using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// One explored policy for the quasi-identifiers: k and the suppression limit, the optimal levels Flash found
/// for them (null when none satisfies the policy), the utility of that generalization, its measured risks
/// (attacks only for candidates that were attacked, see <see cref="ReleaseCalibrator"/>) and the verdict.
/// </summary>
public sealed record CalibrationCandidate(
    int K,
    double SuppressionLimit,
    ImmutableArray<int>? Levels,
    UtilityReport? Utility,
    double HighestProsecutor,
    double AverageProsecutor,
    AttackRisks? Attacks,
    bool MeetsTarget,
    string Verdict)
{
    /// <summary>Share of the information kept: 1 − Loss (ARX's Loss, 0 = nothing generalized).</summary>
    public double UtilityKept => Utility is null ? 0 : 1 - Utility.Loss;
}

/// <summary>
/// The condition sets under k^m-anonymity for one m: an attacker knowing up to m of a person's codes finds at
/// least k persons. <see cref="Verified"/> is the independent check of the published sets.
/// </summary>
public sealed record SetCandidate(int M, int K, double InformationLoss, int SuppressedOccurrences, bool Verified, bool Chosen)
{
    /// <summary>1 − information loss of the sets.</summary>
    public double UtilityKept => 1 - InformationLoss;
}

/// <summary>
/// One ε for the noisy class-count table published with the release: the bound on any attacker's advantage
/// (e^ε − 1 + 2δ)/(e^ε + 1), and the 95 % half-width of every count relative to the median class size.
/// </summary>
public sealed record EpsilonCandidate(double Epsilon, double AdvantageBound, long HalfWidth, double RelativeHalfWidth, bool MeetsTarget, bool Chosen);
