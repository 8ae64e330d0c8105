namespace OpenChronic.Api;

/// <summary>Configuration of the agency API (section <c>OpenChronic:Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>Folder of the published releases (<c>&lt;cohort&gt;/&lt;n&gt;/release.json</c>).</summary>
    public string ReleasesDirectory { get; set; } = "releases";

    /// <summary>Folder of the key store and, in embedded mode, the audit log.</summary>
    public string StateDirectory { get; set; } = ".openchronic";

    /// <summary>Requests a key may make per minute before getting 429.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// PostgreSQL connection string of the audit log in cluster mode (table <c>openchronic_api_audit</c>); null or empty
    /// keeps the file <c>audit.jsonl</c> in <see cref="StateDirectory"/> (embedded mode).
    /// </summary>
    public string? AuditConnectionString { get; set; }

    /// <summary>Name of the audit chain in PostgreSQL (the cluster's service id): every silo of a cluster appends to the same chain.</summary>
    public string AuditLogName { get; set; } = "openchronic";

    /// <summary>Differential-privacy limits of the counts endpoint.</summary>
    public DpCountOptions Counts { get; set; } = new();
}

/// <summary>
/// Limits of <c>POST /v1/cohorts/{cohort}/releases/{n}/counts</c> (section <c>OpenChronic:Api:Counts</c>). The cohort's
/// ledger accounts in (ε, δ) with basic composition; a zCDP query's ρ is charged as ε = ρ + 2√(ρ ln(1/δ)) at
/// <see cref="Delta"/>.
/// </summary>
public sealed class DpCountOptions
{
    /// <summary>ε an agency (a key name: rotation keeps it) may spend on one cohort.</summary>
    public double ConsumerEpsilon { get; set; } = 1.0;

    /// <summary>ε all consumers together may spend on one cohort.</summary>
    public double CohortEpsilon { get; set; } = 10.0;

    /// <summary>δ an agency may spend on one cohort (thresholded queries and zCDP conversions).</summary>
    public double ConsumerDelta { get; set; } = 1e-5;

    /// <summary>δ all consumers together may spend on one cohort.</summary>
    public double CohortDelta { get; set; } = 1e-4;

    /// <summary>Largest ε (after conversion for zCDP queries) one query may cost.</summary>
    public double MaxEpsilonPerQuery { get; set; } = 0.5;

    /// <summary>δ of one thresholded query, and of the conversion of a zCDP query's ρ to ε.</summary>
    public double Delta { get; set; } = 1e-6;

    /// <summary>Most dimensions in one query.</summary>
    public int MaxDimensions { get; set; } = 3;

    /// <summary>Largest cross product of the dimensions' published values released with explicit keys; beyond, cells are δ-thresholded.</summary>
    public int MaxExplicitCells { get; set; } = 10_000;

    /// <summary>Seed of the noise for reproducible tests; null (production) draws a fresh secret key per query.</summary>
    public ulong? NoiseSeed { get; set; }
}
