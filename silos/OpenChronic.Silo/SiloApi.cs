using Microsoft.Extensions.Configuration;
using OpenChronic.Api;

namespace OpenChronic.Silo;

/// <summary>
/// The agency API on a silo host, when <c>OpenChronic:Api:Urls</c> is set: the rest of section <c>OpenChronic:Api</c>
/// binds to <see cref="ApiOptions"/>; in cluster mode the audit log goes to the cluster's PostgreSQL, one chain per
/// service id, so that every silo serving the API appends to the same log.
/// </summary>
public static class SiloApi
{
    public const string Section = "OpenChronic:Api";

    /// <summary>The addresses to serve the API on, or null when the silo serves no API.</summary>
    public static string? Urls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration[Section + ":Urls"] is { Length: > 0 } urls ? urls : null;
    }

    /// <summary>The API's options from configuration, the audit log in PostgreSQL in cluster mode.</summary>
    public static ApiOptions Options(IConfiguration configuration, ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(cluster);
        var options = new ApiOptions();
        configuration.GetSection(Section).Bind(options);
        if (cluster.IsCluster)
        {
            options.AuditConnectionString = cluster.ConnectionString;
            options.AuditLogName = cluster.ServiceId;
        }

        options.ReleasesDirectory = Path.GetFullPath(options.ReleasesDirectory);
        options.StateDirectory = Path.GetFullPath(options.StateDirectory);
        return options;
    }
}
