using OpenChronic.Grains.Prediction;

namespace OpenChronic.Grains;

/// <summary>Prediction features (issue 8): fans a request out to the members in waves and merges their rows.</summary>
public sealed partial class PartitionGrain : IPartitionFeatures
{
    private const int FeatureWave = 256;

    public async ValueTask<FeatureBlockMessage> ExtractFeaturesAsync(FeatureRequest request, Dictionary<Guid, TruthReference>? reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        FeatureWire.ToTask(request);
        var rows = new List<FeatureBlockMessage>(_members.Count);
        foreach (var wave in _members.Order().Chunk(FeatureWave))
        {
            var answers = await Task.WhenAll(wave.Select(m => GrainFactory.GetGrain<IPatientFeatures>(m)
                .ExtractFeaturesAsync(request, reference?.GetValueOrDefault(m)).AsTask()));
            rows.AddRange(answers);
        }

        return FeatureWire.Merge(rows);
    }
}
