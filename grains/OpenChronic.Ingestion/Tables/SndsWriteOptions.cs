namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Options of <see cref="SndsTableWriter"/>. Each applies to one format and is ignored by the others.
/// </summary>
public sealed record SndsWriteOptions
{
    /// <summary>Default options: <c>;</c>-delimited ISO CSV, Snappy Parquet with row groups of 1,048,576 rows.</summary>
    public static SndsWriteOptions Default { get; } = new();

    /// <summary>CSV field delimiter, <c>;</c> (SNDS portals) or <c>,</c>.</summary>
    public char CsvDelimiter { get; init; } = ';';

    /// <summary>CSV spelling of dates and date-times.</summary>
    public SndsCsvDateStyle CsvDateStyle { get; init; } = SndsCsvDateStyle.Iso;

    /// <summary>Parquet compression codec.</summary>
    public SndsParquetCompression ParquetCompression { get; init; } = SndsParquetCompression.Snappy;

    /// <summary>Largest Parquet row group, in rows; consecutive batches are buffered into one row group up to this size.</summary>
    public int ParquetRowGroupRows { get; init; } = 1 << 20;
}
