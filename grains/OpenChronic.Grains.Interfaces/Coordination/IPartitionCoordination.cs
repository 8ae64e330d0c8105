using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>Coordination measures of a partition's cohort members, merged per territory (département of residence).</summary>
[Alias("OpenChronic.IPartitionCoordination")]
public interface IPartitionCoordination : IGrainWithIntegerKey
{
    /// <summary>
    /// Asks the cohort members of the year (from the partition's summaries) for their measures and merges them per
    /// territory: tallies and partial sharing networks. Keeps the members' provider keys for <see cref="CareDensityAsync"/>.
    /// </summary>
    [Alias("Coordinate")]
    ValueTask<ImmutableArray<TerritoryCoordination>> CoordinateAsync(CoordinationQuery query);

    /// <summary>
    /// Care density (Pollack) of the members kept by the last <see cref="CoordinateAsync"/> of the same query,
    /// against the merged networks: per territory, a tally holding only the care-density distribution.
    /// </summary>
    [Alias("CareDensity")]
    ValueTask<ImmutableArray<TerritoryCoordination>> CareDensityAsync(CoordinationQuery query, ImmutableArray<TerritoryCoordination> networks);
}
