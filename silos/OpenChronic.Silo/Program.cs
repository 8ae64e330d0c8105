using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenChronic.Silo;

var builder = Host.CreateApplicationBuilder(args);
var siloPort = builder.Configuration.GetValue("Silo:Port", 11111);
var gatewayPort = builder.Configuration.GetValue("Silo:GatewayPort", 30000);
builder.UseOrleans(silo => silo.UseOpenChronicEmbedded(siloPort, gatewayPort));
await builder.Build().RunAsync().ConfigureAwait(false);
