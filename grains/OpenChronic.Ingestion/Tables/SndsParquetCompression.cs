namespace OpenChronic.Ingestion.Tables;

/// <summary>Compression codec of written Parquet files.</summary>
public enum SndsParquetCompression
{
    /// <summary>Snappy: fast, moderate ratio (the default).</summary>
    Snappy,

    /// <summary>Zstandard: slower to write, smaller files.</summary>
    Zstd,

    /// <summary>No compression.</summary>
    None,
}
