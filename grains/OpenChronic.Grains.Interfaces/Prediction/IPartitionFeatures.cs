namespace OpenChronic.Grains;

/// <summary>Prediction features of a partition's members, merged into one keyless block (issue 8).</summary>
[Alias("OpenChronic.IPartitionFeatures")]
public interface IPartitionFeatures : IGrainWithIntegerKey
{
    /// <summary>
    /// Asks every member for its row and returns them as one block; <paramref name="reference"/> optionally gives
    /// members a reference risk (the synthetic truth), which stays attached to the row and nothing else.
    /// </summary>
    [Alias("ExtractFeatures")]
    ValueTask<FeatureBlockMessage> ExtractFeaturesAsync(FeatureRequest request, Dictionary<Guid, float>? reference);
}
