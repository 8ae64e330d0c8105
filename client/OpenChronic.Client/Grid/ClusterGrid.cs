using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenChronic.Silo;
using Orleans.Configuration;

namespace OpenChronic.Client.Grid;

/// <summary>
/// Cluster mode for the console: an Orleans client that finds the silos' gateways in PostgreSQL (ADO.NET
/// clustering) and talks to them over TCP. Disposing it closes the connection; the cluster keeps running.
/// </summary>
internal sealed class ClusterGrid : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterGrid(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    /// <summary>Connects, retrying for up to <paramref name="patience"/> (default one minute) while no gateway answers.</summary>
    public static async Task<ClusterGrid> ConnectAsync(ClusterConnection cluster, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var limit = patience ?? TimeSpan.FromMinutes(1);
        while (true)
        {
            var host = Build(cluster);
            try
            {
                await host.StartAsync(cancellationToken);
                return new ClusterGrid(host);
            }
            catch (Exception e) when (e is not OperationCanceledException && clock.Elapsed < limit)
            {
                host.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    /// <summary>The silos the membership table lists as active.</summary>
    public async Task<int> ActiveSilosAsync()
    {
        var hosts = await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Count;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }

    private static IHost Build(ClusterConnection cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddRedactedConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = OpenChronicSilo.Invariant;
                o.ConnectionString = cluster.ConnectionString;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
        });
        return builder.Build();
    }
}
