namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// A source row that could not be read as the catalogue says, located by file, row and column.
/// <see cref="Row"/> is the 1-based data row number (the header is row 0 in CSV).
/// </summary>
/// <param name="File">The file the row comes from.</param>
/// <param name="Row">1-based data row number within the file.</param>
/// <param name="Column">The offending column, or null when the whole row is malformed.</param>
/// <param name="Reason">What is wrong, in words an analyst understands.</param>
/// <param name="Value">The offending raw value (truncated to 64 characters), or null.</param>
public sealed record RejectedRow(string File, long Row, string? Column, string Reason, string? Value)
{
    public override string ToString() =>
        Column is null ? $"{File}:{Row}: {Reason}" : $"{File}:{Row}: column {Column}: {Reason} ('{Value}')";
}
