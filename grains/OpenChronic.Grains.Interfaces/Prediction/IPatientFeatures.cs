namespace OpenChronic.Grains;

/// <summary>A patient's prediction features (issue 8), computed where the timeline lives.</summary>
[Alias("OpenChronic.IPatientFeatures")]
public interface IPatientFeatures : IGrainWithGuidKey
{
    /// <summary>
    /// The patient's feature row for <paramref name="request"/> (none when outside the task's population; the
    /// attrition says why), carrying <paramref name="reference"/> as its reference risk.
    /// </summary>
    [Alias("ExtractFeatures")]
    ValueTask<FeatureBlockMessage> ExtractFeaturesAsync(FeatureRequest request, float reference);
}
