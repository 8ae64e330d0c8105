namespace OpenChronic.Grains;

/// <summary>The pathway figures of a partition's patients, summed inside the grid.</summary>
[Alias("OpenChronic.IPartitionPatterns")]
public interface IPartitionPatterns : IGrainWithIntegerKey
{
    [Alias("CountPatterns")]
    ValueTask<PatternCounts> CountPatternsAsync(PatternRequest request);
}
