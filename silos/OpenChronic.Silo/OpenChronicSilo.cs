using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OpenChronic.Silo;

/// <summary>
/// The silo configuration shared by the silo host and the console's embedded mode. Embedded: one process,
/// localhost clustering, volatile storage (patient state in process, see <see cref="InProcessGrainStorage"/>), no gateway unless asked for.
/// </summary>
public static partial class OpenChronicSilo
{
    /// <summary>Grain storage holding patient state.</summary>
    public const string PatientStorage = "patients";

    /// <summary>Grain storage holding job state.</summary>
    public const string JobStorage = "jobs";

    /// <summary>Configuration key of the pseudonymisation secret.</summary>
    public const string PseudonymKeySetting = "OpenChronic:PseudonymKey";

    /// <summary>Configures an embedded silo: localhost clustering on the given ports, volatile storage, patient keys derived under <paramref name="pseudonym"/>.</summary>
    public static ISiloBuilder UseOpenChronicEmbedded(this ISiloBuilder silo, KeyedPseudonym pseudonym, int siloPort = 11111, int gatewayPort = 0)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(pseudonym);
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "openchronic", clusterId: "openchronic-embedded");

        // One silo, one process: patient state stays in this process, serialized (no storage grain call per activation
        // and per commit). Patient state is mostly an event pack: Orleans' binary serializer copies it, the default JSON
        // one would base64-encode it.
        silo.Services.AddKeyedSingleton<IGrainStorage>(PatientStorage, (services, _) => new InProcessGrainStorage(
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), services.GetRequiredService<IActivatorProvider>()));
        silo.AddMemoryGrainStorage(JobStorage);
        silo.AddMemoryGrainStorage("ledgers");
        silo.AddMemoryGrainStorage("cohorts");
        silo.Services.AddOpenChronicGrainServices(pseudonym);

        // A work unit (a flux month of a large extract) can take minutes; the default 30 s would abort it.
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(1));

        // Batches of events make long-lived patients cheap; keep them resident through a whole build.
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        silo.Services.AddLogging(l => l.AddFilter("Orleans.Runtime.Watchdog", LogLevel.None));
        return silo;
    }
}
