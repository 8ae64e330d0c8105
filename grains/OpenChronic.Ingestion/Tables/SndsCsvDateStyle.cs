namespace OpenChronic.Ingestion.Tables;

/// <summary>How dates and date-times are spelled in a written CSV file.</summary>
public enum SndsCsvDateStyle
{
    /// <summary>ISO: <c>2007-01-02</c> and <c>2007-01-02 22:12:17</c>.</summary>
    Iso,

    /// <summary>SAS exports: <c>02JAN2007</c> and <c>02JAN2007:22:12:17</c>.</summary>
    Sas,
}
