namespace OpenChronic.Domain.Snds;

/// <summary>How the tables of a product are partitioned in an extract.</summary>
public enum SndsPartitioning
{
    /// <summary>One file set for the whole extract (referentials).</summary>
    None,

    /// <summary>DCIR: one partition per flux month (<c>FLX_DIS_DTD</c>).</summary>
    FluxMonth,

    /// <summary>PMSI: one table per year, the year in the table name (<c>T_MCO19B</c>).</summary>
    Year,
}
