namespace OpenChronic.Grains;

/// <summary>Prediction features of a partition's members, merged into one keyless block (issue 8).</summary>
[Alias("OpenChronic.IPartitionFeatures")]
public interface IPartitionFeatures : IGrainWithIntegerKey
{
    /// <summary>
    /// Asks every member for its row and returns them as one block; <paramref name="reference"/> optionally gives
    /// members their synthetic truth (risk and pre-clinical phases), which only sets the row's reference and oracle risks.
    /// </summary>
    [Alias("ExtractFeatures")]
    ValueTask<FeatureBlockMessage> ExtractFeaturesAsync(FeatureRequest request, Dictionary<Guid, TruthReference>? reference);
}
