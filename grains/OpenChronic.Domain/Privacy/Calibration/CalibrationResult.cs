using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// The outcome of a calibration: the chosen policy (null when none meets the target), the released table and
/// condition sets, the risks measured on it, and every explored policy (the risk–utility table behind the choice).
/// </summary>
public sealed record CalibrationResult(
    CalibrationTarget Target,
    CalibrationCandidate? Chosen,
    GeneralizedTable? Release,
    ImmutableArray<ImmutableArray<string>>? ReleasedSets,
    ReleaseRisk? Risk,
    ImmutableArray<CalibrationCandidate> Candidates,
    ImmutableArray<SetCandidate> SetCandidates,
    ImmutableArray<EpsilonCandidate> EpsilonCandidates)
{
    /// <summary>True when a policy meets the target.</summary>
    public bool Found => Chosen is not null;

    /// <summary>The chosen ε for the class-count table, or null.</summary>
    public double? ChosenEpsilon => EpsilonCandidates.FirstOrDefault(e => e.Chosen)?.Epsilon;
}
