using OpenChronic.Client.Commands;

namespace OpenChronic.Cluster.Tests;

/// <summary>The deploy/ schema as installed by ./test.sh, and the storage it backs.</summary>
public sealed class DeployTests
{
    private static readonly string[] s_queryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey", "DeleteStorageKey",
        "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey",
        "ReadFromStorageKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "WriteToStorageKey",
    ];

    [Fact]
    public async Task Install_Schema_HasEveryQueryKey()
    {
        var connection = Postgres.Require();
        var keys = await Postgres.QueryAsync(connection, "SELECT querykey FROM orleansquery ORDER BY querykey", r => r.GetString(0));
        Assert.Equal(s_queryKeys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task Storage_WritesAndReads_StoresOrleansBinaryPayloads()
    {
        var connection = Postgres.Require();
        var figures = await BenchClusterRuns.MeasureStorageAsync(connection, 200, 512, 16, 11, CancellationToken.None);
        Assert.True(figures.InsertsPerSecond > 0 && figures.UpdatesPerSecond > 0 && figures.ReadsPerSecond > 0);

        // Each state was inserted once and updated once; its payload is Orleans' binary format, not JSON text.
        var rows = await Postgres.QueryAsync(connection,
            "SELECT version, get_byte(payloadbinary, 0) FROM orleansstorage WHERE serviceid = @s AND graintypestring = 'patient'",
            r => (Version: r.GetInt32(0), First: r.GetInt32(1)), ("s", figures.ServiceId));
        Assert.Equal(200, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.Version));
        Assert.All(rows, r => Assert.NotEqual('{', r.First));
    }
}
