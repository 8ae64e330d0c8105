using Microsoft.Extensions.Configuration;
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
        // No configuration reload: its file watcher on the working folder read every file event of the build's own
        // output (about 5 % of all thread samples of a 20,000-person bench build run from the bench folder).
        var settings = new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() };
        settings.Configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddRedactedConsole();
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
