namespace OpenChronic.Grains;

/// <summary>A patient's per-patient sequence measures: treatment lines and post-discharge windows, counted.</summary>
[Alias("OpenChronic.IPatientSequences")]
public interface IPatientSequences : IGrainWithGuidKey
{
    [Alias("MeasureSequences")]
    ValueTask<SequenceFigures> MeasureSequencesAsync();
}
