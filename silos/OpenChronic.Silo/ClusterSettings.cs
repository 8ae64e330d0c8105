using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace OpenChronic.Silo;

/// <summary>
/// Cluster mode settings, from configuration (appsettings.json, then environment variables with <c>__</c> for
/// <c>:</c>, e.g. <c>OpenChronic__Cluster__ConnectionString</c>). Cluster mode is on when a connection string is set.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>Configuration section of the cluster settings.</summary>
    public const string Section = "OpenChronic:Cluster";

    /// <summary>Npgsql connection string of the PostgreSQL database holding membership and grain state.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Orleans cluster id: silos and clients with the same id form one cluster (membership rows are keyed by it).</summary>
    public string ClusterId { get; init; } = "openchronic";

    /// <summary>Orleans service id: grain state is keyed by it, so it must stay the same across deployments.</summary>
    public string ServiceId { get; init; } = "openchronic";

    /// <summary>Address other silos and clients use to reach this silo.</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port (0 disables the gateway).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>How long an idle patient stays in memory before it is deactivated (its state is in PostgreSQL).</summary>
    public TimeSpan CollectionAge { get; init; } = TimeSpan.FromHours(2);

    public bool IsCluster => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Reads <see cref="Section"/> and the silo's <c>Silo:Port</c>, <c>Silo:GatewayPort</c>, <c>Silo:AdvertisedAddress</c>.</summary>
    public static ClusterSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var address = configuration["Silo:AdvertisedAddress"];
        var age = section["CollectionAge"];
        return new ClusterSettings
        {
            ConnectionString = section["ConnectionString"],
            ClusterId = section["ClusterId"] is { Length: > 0 } cluster ? cluster : "openchronic",
            ServiceId = section["ServiceId"] is { Length: > 0 } service ? service : "openchronic",
            AdvertisedAddress = string.IsNullOrWhiteSpace(address) ? IPAddress.Loopback : IPAddress.Parse(address),
            SiloPort = configuration.GetValue("Silo:Port", 11111),
            GatewayPort = configuration.GetValue("Silo:GatewayPort", 30000),
            CollectionAge = string.IsNullOrWhiteSpace(age) ? TimeSpan.FromHours(2) : TimeSpan.Parse(age, CultureInfo.InvariantCulture),
        };
    }
}
