using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Privacy;
using OpenChronic.Silo;

namespace OpenChronic.Client.Grid;

/// <summary>
/// The embedded default: one silo inside the console process (localhost clustering, memory storage, no gateway),
/// with the co-hosted grain factory. Disposing it stops the silo.
/// </summary>
internal sealed class EmbeddedGrid : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedGrid(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a silo on a free loopback port; Orleans logs only warnings and above.</summary>
    public static async Task<EmbeddedGrid> StartAsync(KeyedPseudonym pseudonym, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Warning);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var port = FreePorts.Next();
        builder.UseOrleans(silo => silo.UseOpenChronicEmbedded(pseudonym, port, gatewayPort: 0));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new EmbeddedGrid(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

}
