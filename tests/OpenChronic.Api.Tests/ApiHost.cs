using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenChronic.Api.Audit;
using OpenChronic.Api.Keys;
using OpenChronic.Domain.Privacy;
using OpenChronic.Silo;

namespace OpenChronic.Api.Tests;

/// <summary>The API on an in-memory test server over a temp folder with one published release of cohort "diabetes".</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, string root, FakeTimeProvider clock)
    {
        _app = app;
        Root = root;
        Clock = clock;
        Keys = app.Services.GetRequiredService<ApiKeyStore>();
        Audit = app.Services.GetRequiredService<AuditLog>();
    }

    public string Root { get; }

    public FakeTimeProvider Clock { get; }

    public ApiKeyStore Keys { get; }

    public AuditLog Audit { get; }

    public string Releases => Path.Combine(Root, "releases");

    /// <summary>Starts the API; with <paramref name="counts"/>, an embedded silo too (the budget ledgers) and a release with microdata.</summary>
    public static async Task<ApiHost> StartAsync(int requestsPerMinute = 1000, DpCountOptions? counts = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "openchronic-api-" + Guid.NewGuid().ToString("N"));
        var release = Path.Combine(root, "releases", "diabetes", "1");
        Directory.CreateDirectory(release);
        await File.WriteAllTextAsync(Path.Combine(release, "counts_by_region.csv"), "region;persons\n11;120\n84;<11\n");
        await File.WriteAllTextAsync(Path.Combine(release, "not-listed.csv"), "secret;1\n");
        await File.WriteAllTextAsync(Path.Combine(release, "release.json"),
            """{"cohort": "diabetes", "release": 1, "files": [{"path": "counts_by_region.csv", "bytes": 30, "sha256": "x"}]}""");
        Directory.CreateDirectory(Path.Combine(root, "releases", "heart-failure", "1"));
        await File.WriteAllTextAsync(Path.Combine(root, "releases", "heart-failure", "1", "release.json"), """{"files": []}""");
        await File.WriteAllTextAsync(Path.Combine(root, "outside.csv"), "top;secret\n");

        await CountsRelease.WriteAsync(Path.Combine(root, "releases", "diabetes", "2"));

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddOpenChronicApi(new ApiOptions
        {
            ReleasesDirectory = Path.Combine(root, "releases"),
            StateDirectory = Path.Combine(root, "state"),
            RequestsPerMinute = requestsPerMinute,
            Counts = counts ?? new DpCountOptions(),
        });
        if (counts is not null)
        {
            builder.UseOrleans(silo => silo.UseOpenChronicEmbedded(KeyedPseudonym.FromPassphrase("api tests"), FreePort(), gatewayPort: 0));
        }

        var app = builder.Build();
        app.UseOpenChronicApi();
        await app.StartAsync();
        return new ApiHost(app, root, clock);
    }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public HttpClient Client(string? token = null)
    {
        var client = _app.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public string Token(ApiRole role, params string[] scopes) => Keys.Create("test " + role, role, scopes, TimeSpan.FromDays(30)).Token;

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }
}
