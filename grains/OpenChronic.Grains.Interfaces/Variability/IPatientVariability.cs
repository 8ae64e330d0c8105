using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>The patient's side of the variability analyses (implemented by the patient grain).</summary>
[Alias("OpenChronic.IPatientVariability")]
public interface IPatientVariability : IGrainWithGuidKey
{
    /// <summary>
    /// Evaluates each requested indicator for this patient (derives the pathway for the requested years) and returns
    /// its contributions, one cell per request and unit with persons = 1. Throws on an unknown indicator or a level
    /// the indicator does not support.
    /// </summary>
    [Alias("EvaluateIndicators")]
    ValueTask<VariabilityCounts> EvaluateIndicatorsAsync(ImmutableArray<VariabilityRequest> requests);
}
