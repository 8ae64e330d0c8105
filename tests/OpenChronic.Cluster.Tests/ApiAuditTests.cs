using Npgsql;
using OpenChronic.Api.Audit;

namespace OpenChronic.Cluster.Tests;

/// <summary>The API's audit log in PostgreSQL (deploy/sql/04-api.sql): one chain shared by the silos, append-only.</summary>
public sealed class ApiAuditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AuditAccess Access(int i, string key) =>
        new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero).AddTicks((i * 1_234_567L) + 3), key, "agency", "POST",
            "/v1/cohorts/diabetes/releases/2/counts", i % 5 == 0 ? 403 : 200, i % 5 == 0 ? "budget_exhausted: spent" : "ok", i % 5 == 0 ? 0 : 0.1, 512 + i);

    [Fact]
    public async Task Append_FromTwoSilosConcurrently_FormsOneIntactChain()
    {
        var connection = Postgres.Require();
        var log = "audit-" + Guid.NewGuid().ToString("N");
        await using var source = NpgsqlDataSource.Create(connection);
        var first = new PostgresAuditLog(source, log);
        var second = new PostgresAuditLog(source, log);

        await Task.WhenAll(Enumerable.Range(1, 40).Select(async i => await (i % 2 == 0 ? first : second).AppendAsync(Access(i, "k" + i), Ct)));

        var entries = await first.ReadAsync(0, Ct);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => "k" + i).Order(StringComparer.Ordinal), entries.Select(e => e.KeyId!).Order(StringComparer.Ordinal));
        Assert.Null(await second.VerifyAsync(Ct));
        Assert.Equal(0.1 * 32, entries.Sum(e => e.BudgetSpent), 9);
        Assert.Equal(entries.Skip(30).Select(e => e.Sequence), (await first.ReadAsync(30, Ct)).Select(e => e.Sequence));
    }

    [Theory]
    [InlineData("UPDATE openchronic_api_audit SET outcome = 'ok' WHERE log = @log")]
    [InlineData("DELETE FROM openchronic_api_audit WHERE log = @log")]
    [InlineData("TRUNCATE openchronic_api_audit")]
    public async Task Table_RefusesAnyChangeToWrittenEntries(string sql)
    {
        var connection = Postgres.Require();
        var log = "audit-" + Guid.NewGuid().ToString("N");
        await using var source = NpgsqlDataSource.Create(connection);
        var audit = new PostgresAuditLog(source, log);
        await audit.AppendAsync(Access(1, "k1"), Ct);

        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("log", log);
        var error = await Assert.ThrowsAsync<PostgresException>(async () => await command.ExecuteNonQueryAsync(Ct));

        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Single(await audit.ReadAsync(0, Ct));
    }

    [Fact]
    public async Task Verify_ForgedRowInserted_ReportsTheBrokenEntry()
    {
        var connection = Postgres.Require();
        var log = "audit-" + Guid.NewGuid().ToString("N");
        await using var source = NpgsqlDataSource.Create(connection);
        var audit = new PostgresAuditLog(source, log);
        var written = await audit.AppendAsync(Access(1, "k1"), Ct);
        await using (var forge = source.CreateCommand(
            "INSERT INTO openchronic_api_audit SELECT log, 2, time, key_id, role, method, path, status, 'ok', 0, response_bytes, hash, previous_hash FROM openchronic_api_audit WHERE log = @log"))
        {
            forge.Parameters.AddWithValue("log", log);
            await forge.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(written, (await audit.ReadAsync(0, Ct))[0]);
        Assert.Equal("entry 2: the chain is broken (edited, removed or reordered entries)", await audit.VerifyAsync(Ct));
    }
}
