using OpenChronic.Client.Grid;
using OpenChronic.Grains;

namespace OpenChronic.Cluster.Tests;

/// <summary>A silo joins a running cluster in the middle of an ingest job.</summary>
public sealed class AddSiloTests
{
    [Fact]
    public async Task AddSilo_DuringJob_NewActivationsLandOnIt()
    {
        var connection = Postgres.Require();
        var folder = Scenario.NewFolder("add-silo");
        try
        {
            var (extract, reference) = await Scenario.Shared.Value;
            var id = $"grow-{Guid.NewGuid():N}"[..20];
            await using var cluster = await LocalCluster.StartAsync(new ClusterConnection(connection, id, id), Scenario.Secret, 2,
                Path.Combine(folder, "logs"), CancellationToken.None);
            var management = cluster.Grains.GetGrain<IManagementGrain>(0);
            SiloProcess? joined = null;
            var db = Path.Combine(folder, "db");
            var progress = await Scenario.IngestAsync(cluster.Grains, extract, db, async p =>
            {
                if (joined is null && p.UnitsDone >= 1)
                {
                    await cluster.StartSilosAsync(1, CancellationToken.None);
                    joined = cluster.Silos[^1];

                    // Every patient became resident on the first two silos with the beneficiaries unit. As when memory
                    // pressure collects idle grains, deactivate them: what reactivates them next (the job's remaining
                    // units, else the derivation of the export) places them over the three silos.
                    await DeactivatePatientsAsync(cluster.Grains, management);
                }
            });

            Assert.Equal("completed", progress.Status);
            Assert.NotNull(joined);
            var exported = await Scenario.ExportAsync(cluster.Grains, db);
            var statistics = await management.GetSimpleGrainStatistics(TestContext.Current.CancellationToken);
            var onJoined = statistics.Where(s => s.SiloAddress.Endpoint.Port == joined.SiloPort && s.GrainType.Contains("PatientGrain", StringComparison.Ordinal))
                .Sum(s => s.ActivationCount);
            Assert.True(onJoined > 0, $"No patient activation on the silo that joined: {string.Join("; ", statistics.Select(s => $"{s.SiloAddress} {s.GrainType} {s.ActivationCount}"))}");

            // And the database is still the one the embedded grid builds.
            Assert.Equal(reference, exported);
        }
        finally
        {
            Scenario.Delete(folder);
        }
    }

    private static async Task DeactivatePatientsAsync(IGrainFactory grains, IManagementGrain management)
    {
        for (var p = 0; p < Partitions.Count; p++)
        {
            var members = await grains.GetGrain<IPartitionGrain>(p).GetMembersAsync();
            await Task.WhenAll(members.Select(m =>
                management.DeactivateGrain(grains.GetGrain<IPatientGrain>(m).GetGrainId(), TestContext.Current.CancellationToken)));
        }
    }
}
