using System.Collections.Immutable;

namespace OpenChronic.Domain.Snds;

/// <summary>A foreign key of a catalogue table: <see cref="Fields"/> reference <see cref="ReferencedFields"/> of <see cref="ReferencedTable"/>.</summary>
public sealed record SndsForeignKey(ImmutableArray<string> Fields, string ReferencedTable, ImmutableArray<string> ReferencedFields);
