using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>A rejected input row: where (source, 1-based line, column name) and why.</summary>
public readonly record struct RejectedInputRow(string Source, int Line, string? Column, string Reason)
{
    public override string ToString() => $"{Source} line {Line}{(Column is null ? "" : $" column {Column}")}: {Reason}";
}

/// <summary>
/// The result of reading a quasi-identifier table: the table built from the accepted rows (null when the header
/// makes reading impossible) and the rejected rows.
/// </summary>
public sealed record TableParseResult(QuasiIdentifierTable? Table, ImmutableArray<RejectedInputRow> Rejects);
