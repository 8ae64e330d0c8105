using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>One problem in a hierarchy source: where (source, 1-based row and column) and why.</summary>
public readonly record struct HierarchyError(string Source, int Row, int Column, string Reason)
{
    public override string ToString() => $"{Source} row {Row} column {Column}: {Reason}";
}

/// <summary>A parsed hierarchy, or the located problems that prevented building it.</summary>
public sealed record HierarchyParseResult(GeneralizationHierarchy? Hierarchy, ImmutableArray<HierarchyError> Errors)
{
    public bool Success => Hierarchy is not null;
}
