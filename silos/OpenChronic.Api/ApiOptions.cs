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
}
