namespace OpenChronic.Ingestion.Tables;

/// <summary>Options of <see cref="SndsTableReader"/>.</summary>
public sealed record SndsReadOptions
{
    /// <summary>Default options: batches of 65,536 rows, every catalogue column, CSV delimiter detected from the header.</summary>
    public static SndsReadOptions Default { get; } = new();

    /// <summary>Largest number of accepted rows per batch; memory is bounded by it whatever the file size.</summary>
    public int BatchSize { get; init; } = 65_536;

    /// <summary>When set, only these catalogue columns are read (the others are neither read nor reported missing).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>CSV delimiter; when null it is detected from the header (<c>;</c> or <c>,</c>).</summary>
    public char? CsvDelimiter { get; init; }
}
