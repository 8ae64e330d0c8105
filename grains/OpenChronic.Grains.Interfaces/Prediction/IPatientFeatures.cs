namespace OpenChronic.Grains;

/// <summary>A patient's prediction features (issue 8), computed where the timeline lives.</summary>
[Alias("OpenChronic.IPatientFeatures")]
public interface IPatientFeatures : IGrainWithGuidKey
{
    /// <summary>
    /// The patient's feature row for <paramref name="request"/> (none when outside the task's population; the
    /// attrition says why), carrying <paramref name="reference"/>'s risk as its reference risk and the observable-signal
    /// oracle's risk computed from it and the timeline.
    /// </summary>
    [Alias("ExtractFeatures")]
    ValueTask<FeatureBlockMessage> ExtractFeaturesAsync(FeatureRequest request, TruthReference? reference);
}
