using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenChronic.Api;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Silo;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic serve</c>: the agency API on the embedded default — an ASP.NET Core host with a silo inside, serving
/// the published releases under <c>--releases</c> to holders of API keys (see <c>openchronic keys</c>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Address(es) to listen on.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var releases = new Option<string>("--releases") { Description = "Folder of the published releases.", DefaultValueFactory = _ => "releases" };
        var state = new Option<string>("--state") { Description = "Folder of the API keys and the audit log.", DefaultValueFactory = _ => ".openchronic" };
        var perMinute = new Option<int>("--requests-per-minute") { Description = "Rate limit per key.", DefaultValueFactory = _ => 120 };
        var command = new Command("serve", "Serve published cohort releases over HTTP to API-key holders (embedded default).") { urls, releases, state, perMinute };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(urls)!, parse.GetValue(releases)!, parse.GetValue(state)!,
            parse.GetValue(perMinute), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string urls, string releases, string state, int perMinute, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (perMinute < 1)
        {
            console.MarkupLine("[red]--requests-per-minute must be at least 1.[/]");
            return 2;
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddRedactedConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // The silo holds no patient here (the API serves releases only); its pseudonym key serves nothing and is random.
        var pseudonym = KeyedPseudonym.FromPassphrase(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        builder.UseOrleans(silo => silo.UseOpenChronicEmbedded(pseudonym, FreePorts.Next(), gatewayPort: 0));
        builder.Services.AddOpenChronicApi(new ApiOptions
        {
            ReleasesDirectory = Path.GetFullPath(releases),
            StateDirectory = Path.GetFullPath(state),
            RequestsPerMinute = perMinute,
        });
        await using var app = builder.Build();
        app.UseOpenChronicApi();
        await app.StartAsync(cancellationToken);
        console.MarkupLineInterpolated($"Open Chronic API on [bold]{urls}[/] (OpenAPI at /openapi/v1.json), releases from [bold]{Path.GetFullPath(releases)}[/], keys and audit log in [bold]{Path.GetFullPath(state)}[/]. Ctrl+C stops it.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop cleanly
        }

        await app.StopAsync(CancellationToken.None);
        return 0;
    }

}
