using System.Net;
using System.Text.Json;
using OpenChronic.Api.Keys;

namespace OpenChronic.Api.Tests;

public sealed class ApiAccessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_WithoutKey_Is401AndAudited()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.Client().GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unauthorized", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var entry = Assert.Single(host.Audit.Read());
        Assert.Equal((401, (string?)null, "/v1/cohorts"), (entry.Status, entry.KeyId, entry.Path));
    }

    [Theory]
    [InlineData("oc_0123456789abcdef_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-a-key")]
    [InlineData("' OR 1=1 --")]
    public async Task Request_WithBadKey_Is401(string token)
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.Client(token).GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithRevokedOrExpiredKey_Is401()
    {
        await using var host = await ApiHost.StartAsync();
        var (revoked, revokedToken) = host.Keys.Create("r", ApiRole.Analyst, [], TimeSpan.FromDays(1));
        host.Keys.Revoke(revoked.Id);
        var (_, expiring) = host.Keys.Create("e", ApiRole.Analyst, [], TimeSpan.FromHours(1));
        host.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(revokedToken).GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(expiring).GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Rotate_OldKeyWorksDuringGraceThenStops()
    {
        await using var host = await ApiHost.StartAsync();
        var (old, oldToken) = host.Keys.Create("a", ApiRole.Analyst, [], TimeSpan.FromDays(30));
        var (_, newToken) = host.Keys.Rotate(old.Id, TimeSpan.FromHours(1), TimeSpan.FromDays(30))!.Value;

        Assert.Equal(HttpStatusCode.OK, (await host.Client(oldToken).GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client(oldToken).GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(newToken).GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Agency_SeesOnlyItsScopes_And403Elsewhere()
    {
        await using var host = await ApiHost.StartAsync();
        var agency = host.Client(host.Token(ApiRole.Agency, "diabetes"));

        var cohorts = JsonSerializer.Deserialize<string[]>(await agency.GetStringAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct));
        var outside = await agency.GetAsync(new Uri("/v1/cohorts/heart-failure/releases", UriKind.Relative), Ct);
        var audit = await agency.GetAsync(new Uri("/v1/audit", UriKind.Relative), Ct);

        Assert.Equal(["diabetes"], cohorts!);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
    }

    [Fact]
    public async Task Analyst_SeesEveryCohort_OperatorReadsTheAudit()
    {
        await using var host = await ApiHost.StartAsync();

        var cohorts = JsonSerializer.Deserialize<string[]>(await host.Client(host.Token(ApiRole.Analyst)).GetStringAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct));
        var audit = await host.Client(host.Token(ApiRole.Operator)).GetStringAsync(new Uri("/v1/audit", UriKind.Relative), Ct);

        Assert.Equal(["diabetes", "heart-failure"], cohorts!);
        Assert.Contains("/v1/cohorts", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCall_HasAnAuditEntry_AndTheChainVerifies()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.Client(host.Token(ApiRole.Analyst));
        string[] paths = ["/health", "/v1/cohorts", "/v1/cohorts/diabetes/releases", "/v1/cohorts/diabetes/releases/1", "/v1/cohorts/diabetes/releases/7", "/v1/cohorts/x%20y/releases"];

        foreach (var path in paths)
        {
            await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        }

        var entries = host.Audit.Read();
        Assert.Equal(paths.Length, entries.Count);
        Assert.Equal([200, 200, 200, 200, 404, 400], entries.Select(e => e.Status));
        Assert.Null(host.Audit.Verify());
        var lines = File.ReadAllLines(host.Audit.FilePath);
        File.WriteAllLines(host.Audit.FilePath, lines.Where((_, i) => i != 2));
        Assert.NotNull(host.Audit.Verify());
    }

    [Fact]
    public async Task RateLimit_PerKey_Is429ThenRecovers()
    {
        await using var host = await ApiHost.StartAsync(requestsPerMinute: 3);
        var client = host.Client(host.Token(ApiRole.Analyst));
        var other = host.Client(host.Token(ApiRole.Analyst));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/v1/cohorts", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApi_NeedNoKey()
    {
        await using var host = await ApiHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync(new Uri("/health", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client().GetAsync(new Uri("/ready", UriKind.Relative), Ct)).StatusCode);
        var openApi = await host.Client().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Contains("/v1/cohorts/{cohort}/releases/{release}/files/{file}", openApi, StringComparison.Ordinal);
    }
}
