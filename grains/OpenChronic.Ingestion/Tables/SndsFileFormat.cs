namespace OpenChronic.Ingestion.Tables;

/// <summary>The file formats SNDS extracts come in.</summary>
public enum SndsFileFormat
{
    /// <summary>Delimited text with a header (<c>;</c> or <c>,</c>), as delivered by the CNAM/HDH portals.</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>Arrow IPC file format (Feather v2).</summary>
    ArrowIpc,
}
