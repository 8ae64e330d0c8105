using System.Net;
using OpenChronic.Api.Keys;

namespace OpenChronic.Api.Tests;

public sealed class ApiReleaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetFile_ListedTable_ComesAsCsvJsonAndParquet()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Client(host.Token(ApiRole.Agency, "diabetes"));
        const string file = "/v1/cohorts/diabetes/releases/1/files/counts_by_region.csv";

        var csv = await client.GetStringAsync(new Uri(file, UriKind.Relative), Ct);
        var json = await client.GetStringAsync(new Uri(file + "?format=json", UriKind.Relative), Ct);
        var parquet = await client.GetByteArrayAsync(new Uri(file + "?format=parquet", UriKind.Relative), Ct);

        Assert.StartsWith("region;persons", csv, StringComparison.Ordinal);
        Assert.Equal("""[{"region":"11","persons":"120"},{"region":"84","persons":"\u003C11"}]""", json);
        Assert.Equal("PAR1"u8.ToArray(), parquet[..4]);
    }

    [Theory]
    [InlineData("/v1/cohorts/diabetes/releases/1/files/..%2F..%2Foutside.csv")]
    [InlineData("/v1/cohorts/diabetes/releases/1/files/..counts_by_region.csv")]
    [InlineData("/v1/cohorts/..%2Fdiabetes/releases/1")]
    [InlineData("/v1/cohorts/diabetes/releases/-1")]
    [InlineData("/v1/cohorts/diabetes/releases/99999999999999999999")]
    [InlineData("/v1/cohorts/diabetes';DROP TABLE x;--/releases")]
    [InlineData("/v1/cohorts/diabetes/releases/1/files/counts_by_region.csv?format=xlsx")]
    [InlineData("/v1/cohorts/diabetes/releases/1/files/counts_by_region.csv?dimension=nir")]
    [InlineData("/v1/cohorts?cohort=%3Cscript%3E")]
    public async Task HostileParameters_Are400_WithoutSideEffects(string path)
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Client(host.Token(ApiRole.Analyst));
        var before = Directory.GetFiles(host.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("audit.jsonl", StringComparison.Ordinal)).Order().ToList();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("{\"error\":\"bad_request\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(host.Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("audit.jsonl", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public async Task GetFile_NotListedInTheManifest_Is404()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.Client(host.Token(ApiRole.Analyst)).GetAsync(new Uri("/v1/cohorts/diabetes/releases/1/files/not-listed.csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetRelease_ServesItsManifest()
    {
        await using var host = await ApiHost.StartAsync();

        var manifest = await host.Client(host.Token(ApiRole.Analyst)).GetStringAsync(new Uri("/v1/cohorts/diabetes/releases/1", UriKind.Relative), Ct);

        Assert.Contains("counts_by_region.csv", manifest, StringComparison.Ordinal);
    }
}
