using OpenChronic.Client.Grid;
using OpenChronic.Grains;

namespace OpenChronic.Cluster.Tests;

/// <summary>
/// Runs the crash scenario once for the collection: the embedded reference build, then the same extract on three
/// silo processes, one of them killed with SIGKILL (the one hosting the ingest job) while the job is in the middle.
/// The cluster stays up afterwards for the restart test.
/// </summary>
public sealed class FaultFixture : IAsyncLifetime
{
    private string? _folder;

    internal string Connection { get; private set; } = "";

    internal LocalCluster? Cluster { get; private set; }

    internal string Extract { get; private set; } = "";

    internal Dictionary<string, string> Reference { get; private set; } = [];

    internal IngestProgress? Progress { get; private set; }

    internal Dictionary<string, string> Faulted { get; private set; } = [];

    internal int UnitsDoneAtKill { get; private set; }

    internal int SilosAliveAfterJob { get; private set; }

    /// <summary>Whether the silo killed was the one hosting the ingest job (the job then resumed on another silo).</summary>
    internal bool KilledJobHost { get; private set; }

    internal SortedDictionary<string, int> ConditionCounts { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var connection = Environment.GetEnvironmentVariable(Postgres.Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return;
        }

        Connection = connection;
        _folder = Scenario.NewFolder("fault");
        (Extract, Reference) = await Scenario.Shared.Value;

        var id = $"fault-{Guid.NewGuid():N}"[..20];
        Cluster = await LocalCluster.StartAsync(new ClusterConnection(connection, id, id), Scenario.Secret, 3, Path.Combine(_folder, "logs"), CancellationToken.None);
        var db = Path.Combine(_folder, "faulted");
        var killed = false;
        Progress = await Scenario.IngestAsync(Cluster.Grains, Extract, db, async progress =>
        {
            // In the middle: beneficiaries and some claims applied, most units still to come.
            if (!killed && progress.UnitsDone >= 3 && progress.UnitsDone < progress.UnitsTotal - 3)
            {
                killed = true;
                UnitsDoneAtKill = progress.UnitsDone;
                await KillJobSiloAsync();
            }
        });
        Assert.True(killed, "The job finished before the silo could be killed.");
        SilosAliveAfterJob = Cluster.Silos.Count(s => !s.HasExited);
        Faulted = await Scenario.ExportAsync(Cluster.Grains, db);
        ConditionCounts = await Scenario.ConditionCountsAsync(Cluster.Grains);
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_folder is not null)
        {
            Scenario.Delete(_folder);
        }
    }

    // The silo hosting the job grain: the crash then also interrupts the job itself, which must resume elsewhere.
    private async Task KillJobSiloAsync()
    {
        var job = Cluster!.Grains.GetGrain<IIngestJobGrain>("build");
        var address = await Cluster.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(job);
        var host = Cluster.Silos.FirstOrDefault(s => address is not null && s.SiloPort == address.Endpoint.Port);
        KilledJobHost = host is not null;
        (host ?? Cluster.Silos[1]).Kill();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "fault";
}
