using System.Net;
using System.Text;
using System.Text.Json;
using OpenChronic.Api.Keys;
using OpenChronic.Grains;

namespace OpenChronic.Api.Tests;

public sealed class ApiCountsTests
{
    private const string Counts = "/v1/cohorts/diabetes/releases/2/counts";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string path = Counts) =>
        client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task Counts_Laplace_ReturnsNoisyCellsWithIntervalsAndChargesTheAgency()
    {
        await using var host = await ApiHost.StartAsync(counts: new DpCountOptions { NoiseSeed = 7 });
        var client = host.Client(host.Token(ApiRole.Agency, "diabetes"));

        var first = await PostAsync(client, """{"dimensions": ["age", "sex"], "epsilon": 0.1}""");
        var second = await PostAsync(client, """{"dimensions": ["territory"], "epsilon": 0.2}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var answer = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct));
        var root = answer.RootElement;
        Assert.Equal(("discrete_laplace", "explicit"), (root.GetProperty("mechanism").GetString(), root.GetProperty("keys").GetString()));
        Assert.Equal(10.0, root.GetProperty("noise_scale").GetDouble(), 6);
        var halfWidth = root.GetProperty("half_width").GetInt64();
        Assert.True(halfWidth > 0);
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(4, cells.Count); // 2 age bands × 2 sexes, all published (explicit keys)
        Assert.All(cells, c => Assert.Equal(
            (c.GetProperty("count").GetInt64() - halfWidth, c.GetProperty("count").GetInt64() + halfWidth),
            (c.GetProperty("lower").GetInt64(), c.GetProperty("upper").GetInt64())));
        Assert.Equal((0.1, 0.0), (root.GetProperty("cost").GetProperty("epsilon").GetDouble(), root.GetProperty("cost").GetProperty("delta").GetDouble()));
        Assert.Equal(0.9, root.GetProperty("budget").GetProperty("consumer_remaining").GetDouble(), 9);
        Assert.DoesNotContain("p00", answer.RootElement.GetRawText(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var next = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0.7, next.RootElement.GetProperty("budget").GetProperty("consumer_remaining").GetDouble(), 9);

        var status = await host.Grains.GetGrain<IBudgetLedgerGrain>("diabetes").GetStatusAsync();
        Assert.Equal((2, 0.3), (status.Charges, Math.Round(status.CohortSpent, 9)));
        Assert.Equal(0.3, Math.Round(status.ConsumerSpent["test Agency"], 9));
        var audited = host.Audit.Read().Where(e => e.Path == Counts).ToList();
        Assert.Equal([0.1, 0.2], audited.Select(e => e.BudgetSpent));
        Assert.Null(host.Audit.Verify());
    }

    [Fact]
    public async Task Counts_ZeroConcentrated_UsesGaussianNoiseAndChargesTheConvertedEpsilon()
    {
        await using var host = await ApiHost.StartAsync(counts: new DpCountOptions { NoiseSeed = 7 });
        var client = host.Client(host.Token(ApiRole.Analyst));

        var response = await PostAsync(client, """{"dimensions": ["sex"], "rho": 0.001, "confidence_level": 0.9}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = answer.RootElement;
        Assert.Equal("discrete_gaussian", root.GetProperty("mechanism").GetString());
        Assert.Equal(0.9, root.GetProperty("confidence_level").GetDouble());
        Assert.Equal(Math.Sqrt(1 / (2 * 0.001)), root.GetProperty("noise_scale").GetDouble(), 6); // σ² = L0·L∞²/(2ρ)
        var expected = 0.001 + (2 * Math.Sqrt(0.001 * Math.Log(1e6)));
        Assert.Equal(expected, root.GetProperty("cost").GetProperty("epsilon").GetDouble(), 12);
        Assert.Equal(expected, host.Audit.Read().Single(e => e.Path == Counts).BudgetSpent, 12);
    }

    [Fact]
    public async Task Counts_TooManyCellsForExplicitKeys_AreThresholded()
    {
        await using var host = await ApiHost.StartAsync(counts: new DpCountOptions { NoiseSeed = 7, MaxExplicitCells = 1 });
        var client = host.Client(host.Token(ApiRole.Analyst));

        var response = await PostAsync(client, """{"dimensions": ["territory"], "epsilon": 0.5}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("thresholded", answer.RootElement.GetProperty("keys").GetString());
        Assert.True(answer.RootElement.GetProperty("threshold").GetInt64() > 0);
        Assert.Equal(1e-6, answer.RootElement.GetProperty("cost").GetProperty("delta").GetDouble());
    }

    [Fact]
    public async Task Counts_OnceTheAgencyBudgetIsSpent_Are403BudgetExhaustedAndAudited()
    {
        await using var host = await ApiHost.StartAsync(counts: new DpCountOptions { NoiseSeed = 7, ConsumerEpsilon = 0.25 });
        var client = host.Client(host.Token(ApiRole.Agency, "diabetes"));
        const string body = """{"dimensions": ["sex"], "epsilon": 0.1}""";

        var accepted = new[] { await PostAsync(client, body), await PostAsync(client, body) };
        var refused = await PostAsync(client, body);
        var other = await PostAsync(host.Client(host.Token(ApiRole.Agency, "diabetes")), body);

        Assert.All(accepted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal("budget_exhausted", error.RootElement.GetProperty("error").GetString());
        Assert.Contains("over its limit 0.25", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The same agency under a new key (same name) shares the spent budget.
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var entries = host.Audit.Read().Where(e => e.Path == Counts).ToList();
        Assert.Equal([200, 200, 403, 403], entries.Select(e => e.Status));
        Assert.Equal([0.1, 0.1, 0, 0], entries.Select(e => e.BudgetSpent));
        Assert.StartsWith("budget_exhausted", entries[2].Outcome, StringComparison.Ordinal);
        Assert.Equal(2, (await host.Grains.GetGrain<IBudgetLedgerGrain>("diabetes").GetStatusAsync()).Charges);
    }

    [Theory]
    [InlineData("""{"dimensions": ["nir"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["pseudonym"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["comorbidities"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["sex'; DROP TABLE ledger; --"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["../../release.json"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["age", "sex", "territory", "age_band"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["sex", "sex"], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": [], "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": "sex", "epsilon": 0.1}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 1e308}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 1e400}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 0.6}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": -0.1}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 0}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": "NaN"}""")]
    [InlineData("""{"dimensions": ["sex"], "rho": 5}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 0.1, "rho": 0.01}""")]
    [InlineData("""{"dimensions": ["sex"]}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 0.1, "confidence_level": 1}""")]
    [InlineData("""{"dimensions": ["sex"], "epsilon": 0.1, "consumer": "someone-else"}""")]
    [InlineData("""[{"dimensions": ["sex"], "epsilon": 0.1}]""")]
    [InlineData("""{"dimensions": [["sex"]], "epsilon": 0.1}""")]
    [InlineData("dimensions=sex&epsilon=0.1")]
    [InlineData("")]
    public async Task Counts_HostileBody_Is400AndChargesNothing(string body)
    {
        await using var host = await ApiHost.StartAsync(counts: new DpCountOptions { NoiseSeed = 7 });
        var client = host.Client(host.Token(ApiRole.Agency, "diabetes"));

        var response = await PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("{\"error\":\"bad_request\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", text, StringComparison.Ordinal);
        Assert.Equal(0, (await host.Grains.GetGrain<IBudgetLedgerGrain>("diabetes").GetStatusAsync()).Charges);
        Assert.Equal(0, host.Audit.Read().Single(e => e.Path == Counts).BudgetSpent);
    }

    [Fact]
    public async Task Counts_HugeBodyOrOutOfScope_AreRefusedWithoutCharge()
    {
        await using var host = await ApiHost.StartAsync(counts: new DpCountOptions { NoiseSeed = 7 });
        var huge = "{\"dimensions\": [\"sex\"], \"epsilon\": 0.1, \"pad\": \"" + new string('x', 100_000) + "\"}";

        var tooBig = await PostAsync(host.Client(host.Token(ApiRole.Agency, "diabetes")), huge);
        var outside = await PostAsync(host.Client(host.Token(ApiRole.Agency, "heart-failure")), """{"dimensions": ["sex"], "epsilon": 0.1}""");
        var noMicrodata = await PostAsync(host.Client(host.Token(ApiRole.Analyst)), """{"dimensions": ["sex"], "epsilon": 0.1}""", "/v1/cohorts/diabetes/releases/1/counts");

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noMicrodata.StatusCode);
        Assert.Equal(0, (await host.Grains.GetGrain<IBudgetLedgerGrain>("diabetes").GetStatusAsync()).Charges);
    }
}
