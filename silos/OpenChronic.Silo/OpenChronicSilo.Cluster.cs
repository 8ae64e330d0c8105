using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace OpenChronic.Silo;

/// <summary>Cluster mode: ADO.NET clustering and grain storage on PostgreSQL (invariant <c>Npgsql</c>).</summary>
public static partial class OpenChronicSilo
{
    /// <summary>ADO.NET invariant of the PostgreSQL provider.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Configures a cluster silo: membership and the patient, job and partition storages in PostgreSQL, state written
    /// with Orleans' binary serializer, endpoints from <paramref name="settings"/>, patient keys derived under
    /// <paramref name="pseudonym"/> (every silo of a cluster must use the same secret).
    /// </summary>
    public static ISiloBuilder UseOpenChronicCluster(this ISiloBuilder silo, ClusterSettings settings, KeyedPseudonym pseudonym)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(pseudonym);
        if (!settings.IsCluster)
        {
            throw new ArgumentException("Cluster mode needs a connection string.", nameof(settings));
        }

        var connection = settings.ConnectionString!;
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort, settings.GatewayPort);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connection;
        });
        foreach (var storage in (string[])[PatientStorage, JobStorage, PartitionGrain.MembershipStorage])
        {
            silo.AddAdoNetGrainStorage(storage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connection;
            });

            // Orleans' binary serializer instead of the provider's default JSON with type names: smaller and faster.
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(storage)
                .PostConfigure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }

        silo.Services.AddOpenChronicGrainServices(pseudonym);
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromHours(1));
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = settings.CollectionAge);
        silo.Services.AddLogging(l => l.AddFilter("Orleans.Runtime.Watchdog", LogLevel.None));
        return silo;
    }
}
