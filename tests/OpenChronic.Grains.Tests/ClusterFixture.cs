using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace OpenChronic.Grains.Tests;

/// <summary>One in-process cluster of two silos shared by the grain tests (in-memory transport, no ports).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("patients");
            silo.AddMemoryGrainStorage("jobs");
            silo.AddMemoryGrainStorage("ledgers");
            silo.Services.AddOpenChronicGrainServices(OpenChronic.Domain.Privacy.KeyedPseudonym.FromPassphrase("grain tests"));
            silo.Services.AddLogging(l => l.AddFilter("Orleans.Runtime.Watchdog", LogLevel.None));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
