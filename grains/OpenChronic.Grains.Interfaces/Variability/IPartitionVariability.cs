using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>The partition's side of the variability analyses (implemented by the partition grain).</summary>
[Alias("OpenChronic.IPartitionVariability")]
public interface IPartitionVariability : IGrainWithIntegerKey
{
    /// <summary>
    /// Evaluates the requested indicators on every member patient and returns the counts merged per request, unit and
    /// age × sex stratum, so that a client asks the partitions, never the patients.
    /// </summary>
    [Alias("CountIndicators")]
    ValueTask<VariabilityCounts> CountIndicatorsAsync(ImmutableArray<VariabilityRequest> requests);
}
