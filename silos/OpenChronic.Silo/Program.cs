using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenChronic.Domain.Privacy;
using OpenChronic.Silo;

var builder = Host.CreateApplicationBuilder(args);
var siloPort = builder.Configuration.GetValue("Silo:Port", 11111);
var gatewayPort = builder.Configuration.GetValue("Silo:GatewayPort", 30000);
var secret = builder.Configuration[OpenChronicSilo.PseudonymKeySetting];
if (string.IsNullOrEmpty(secret))
{
    Console.Error.WriteLine($"Set {OpenChronicSilo.PseudonymKeySetting} (configuration or environment OpenChronic__PseudonymKey): the secret that derives patient keys.");
    return 2;
}

builder.UseOrleans(silo => silo.UseOpenChronicEmbedded(KeyedPseudonym.FromPassphrase(secret), siloPort, gatewayPort));
await builder.Build().RunAsync().ConfigureAwait(false);
return 0;
