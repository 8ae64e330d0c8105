using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenChronic.Grains;
using Orleans.Configuration;

namespace OpenChronic.Silo;

/// <summary>
/// The silo configuration shared by the silo host and the console's embedded mode. Embedded: one process,
/// localhost clustering, memory storage, no gateway unless asked for.
/// </summary>
public static class OpenChronicSilo
{
    /// <summary>Grain storage holding patient state.</summary>
    public const string PatientStorage = "patients";

    /// <summary>Grain storage holding job state.</summary>
    public const string JobStorage = "jobs";

    /// <summary>Configures an embedded silo: localhost clustering on the given ports, memory storage.</summary>
    public static ISiloBuilder UseOpenChronicEmbedded(this ISiloBuilder silo, int siloPort = 11111, int gatewayPort = 0)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "openchronic", clusterId: "openchronic-embedded");
        silo.AddMemoryGrainStorage(PatientStorage);
        silo.AddMemoryGrainStorage(JobStorage);
        silo.Services.AddOpenChronicGrainServices();

        // Batches of events make long-lived patients cheap; keep them resident through a whole build.
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        silo.Services.AddLogging(l => l.AddFilter("Orleans.Runtime.Watchdog", LogLevel.None));
        return silo;
    }
}
