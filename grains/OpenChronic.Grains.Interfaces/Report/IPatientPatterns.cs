namespace OpenChronic.Grains;

/// <summary>A patient's contribution to the pathway figures (treatment sequences, care settings around ALD entry).</summary>
[Alias("OpenChronic.IPatientPatterns")]
public interface IPatientPatterns : IGrainWithGuidKey
{
    [Alias("GetPatterns")]
    ValueTask<PatientPatterns> GetPatternsAsync(PatternRequest request);
}
