namespace OpenChronic.Client.Grid;

/// <summary>
/// Where a client finds a cluster: the PostgreSQL connection string holding membership, and the cluster and service
/// ids the silos were started with.
/// </summary>
internal sealed record ClusterConnection(string ConnectionString, string ClusterId = "openchronic", string ServiceId = "openchronic")
{
    /// <summary>Environment variable holding the connection string (cluster mode when set).</summary>
    public const string Variable = "OPENCHRONIC_CLUSTER";

    /// <summary>Environment variable holding the cluster id (default <c>openchronic</c>).</summary>
    public const string ClusterIdVariable = "OPENCHRONIC_CLUSTER_ID";

    /// <summary>Environment variable holding the service id (default <c>openchronic</c>).</summary>
    public const string ServiceIdVariable = "OPENCHRONIC_SERVICE_ID";

    /// <summary>The cluster named by <paramref name="connectionString"/>, else by the environment; null for the embedded default.</summary>
    public static ClusterConnection? Resolve(string? connectionString)
    {
        var connection = string.IsNullOrWhiteSpace(connectionString) ? Environment.GetEnvironmentVariable(Variable) : connectionString;
        if (string.IsNullOrWhiteSpace(connection))
        {
            return null;
        }

        return new ClusterConnection(connection,
            Environment.GetEnvironmentVariable(ClusterIdVariable) is { Length: > 0 } cluster ? cluster : "openchronic",
            Environment.GetEnvironmentVariable(ServiceIdVariable) is { Length: > 0 } service ? service : "openchronic");
    }
}
