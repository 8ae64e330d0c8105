using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>
/// Calibrated releases of a cohort (same key as <see cref="ICohortGrain"/>): the members' rows are explored for the
/// policy that meets a target risk with the best utility, and the release is published with that policy like any
/// other (recorded, verified, checked against earlier releases), with its measured risks and risk–utility table.
/// </summary>
[Alias("OpenChronic.ICohortCalibration")]
public interface ICohortCalibration : IGrainWithStringKey
{
    /// <summary>Calibrates and publishes release n+1; refuses with the reason (and the table explored) when no policy meets the target.</summary>
    [Alias("Calibrate")]
    ValueTask<CohortCalibrationReply> CalibrateAsync(CohortCalibrationRequest request);
}

/// <summary>
/// A calibration request: the base policy (JSON; the exploration never goes below it), the releases root, the target
/// (highest and average prosecutor risk, upper bound of every attack risk), the k explored (empty: the defaults), the
/// seed of the shadow split and attacks, and N for population uniqueness.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CohortCalibrationRequest")]
public sealed record CohortCalibrationRequest(
    [property: Id(0)] string PolicyJson,
    [property: Id(1)] string OutputRoot,
    [property: Id(2)] double MaxHighestProsecutor,
    [property: Id(3)] double MaxAverageProsecutor,
    [property: Id(4)] double MaxAttackUpper,
    [property: Id(5)] ImmutableArray<int> Ks,
    [property: Id(6)] ulong Seed,
    [property: Id(7)] long PopulationSize);

/// <summary>
/// The answer: the recorded release (null when refused, with the reason), the risk–utility table explored (CSV text,
/// empty when the calibration could not start) and the chosen policy (JSON, null when none).
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CohortCalibrationReply")]
public sealed record CohortCalibrationReply(
    [property: Id(0)] ReleaseSummary? Release,
    [property: Id(1)] string? Refusal,
    [property: Id(2)] string CalibrationCsv,
    [property: Id(3)] string? PolicyJson);
