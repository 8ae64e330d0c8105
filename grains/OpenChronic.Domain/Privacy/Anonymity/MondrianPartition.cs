using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>One Mondrian equivalence class: its rows and, per quasi-identifier, the range of leaf codes it spans.</summary>
public sealed record MondrianPartition(ImmutableArray<int> Rows, ImmutableArray<int> Minimum, ImmutableArray<int> Maximum);

/// <summary>The output of <see cref="Mondrian"/>: the partitions, the released table and its utility.</summary>
public sealed record MondrianResult(ImmutableArray<MondrianPartition> Partitions, GeneralizedTable Output, UtilityReport Utility);
