using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using OpenChronic.Api;
using OpenChronic.Domain.Privacy;
using OpenChronic.Silo;

// Configuration: appsettings.json next to the executable, then environment variables (OpenChronic__Cluster__...).
// With OpenChronic:Api:Urls set, the host is a web application that also serves the agency API.
var apiUrls = SiloApi.Urls(Host.CreateApplicationBuilder(args).Configuration);
IHostApplicationBuilder builder = apiUrls is null ? Host.CreateApplicationBuilder(args) : WebApplication.CreateBuilder(args);
var secret = builder.Configuration[OpenChronicSilo.PseudonymKeySetting];
if (string.IsNullOrEmpty(secret))
{
    Console.Error.WriteLine($"Set {OpenChronicSilo.PseudonymKeySetting} (configuration or environment OpenChronic__PseudonymKey): the secret that derives patient keys.");
    return 2;
}

var cluster = ClusterSettings.From(builder.Configuration);
var telemetry = TelemetrySettings.From(builder.Configuration);

// Log lines leave the process: mask anything shaped like a patient key, including in Orleans' own messages.
builder.Logging.AddRedactedConsole();

var pseudonym = KeyedPseudonym.FromPassphrase(secret);
builder.UseOrleans(silo =>
{
    if (cluster.IsCluster)
    {
        silo.UseOpenChronicCluster(cluster, pseudonym);
    }
    else
    {
        silo.UseOpenChronicEmbedded(pseudonym, cluster.SiloPort, cluster.GatewayPort);
    }

    silo.AddOpenChronicTelemetry(telemetry, $"{cluster.AdvertisedAddress}:{cluster.SiloPort}");
});
IHost host;
if (builder is WebApplicationBuilder web)
{
    web.WebHost.UseUrls(apiUrls!);
    web.Services.AddOpenChronicApi(SiloApi.Options(web.Configuration, cluster));
    var app = web.Build();
    app.UseOpenChronicApi();
    host = app;
}
else
{
    host = ((HostApplicationBuilder)builder).Build();
}

await host.RunAsync().ConfigureAwait(false);
return 0;
