using Npgsql;

namespace OpenChronic.Cluster.Tests;

/// <summary>
/// The PostgreSQL the cluster tests run against: <c>./test.sh</c> starts a throw-away server, installs the
/// <c>deploy/</c> schema and exports its connection string in <see cref="Variable"/>. Each scenario uses its own
/// cluster and service ids, so scenarios never see each other's rows.
/// </summary>
internal static class Postgres
{
    public const string Variable = "OPENCHRONIC_TEST_POSTGRES";

    /// <summary>The connection string; skips the test when no server was provisioned (plain <c>dotnet test</c>).</summary>
    public static string Require()
    {
        var connection = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            Assert.Skip($"No PostgreSQL: ./test.sh provisions one and sets {Variable}.");
        }

        return connection;
    }

    public static async Task<List<T>> QueryAsync<T>(string connection, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
