using OpenChronic.Client.Grid;

namespace OpenChronic.Cluster.Tests;

/// <summary>Three silo processes on PostgreSQL: a crash in the middle of an ingest job, then a full restart.</summary>
[Collection(FaultCollection.Name)]
public sealed class ClusterFaultTests(FaultFixture fixture)
{
    [Fact]
    public void Ingest_SiloKilledMidJob_CompletesWithIdenticalDatabase()
    {
        Postgres.Require();
        Assert.Equal("completed", fixture.Progress!.Status);
        Assert.InRange(fixture.UnitsDoneAtKill, 3, fixture.Progress.UnitsTotal - 1);
        Assert.Equal(2, fixture.SilosAliveAfterJob);
        Assert.True(fixture.KilledJobHost, "The silo killed should be the one hosting the job, so that the job has to resume.");
        Assert.Contains("patients.parquet", fixture.Reference.Keys);
        Assert.Equal(fixture.Reference, fixture.Faulted);
    }

    [Fact]
    public async Task Restart_WholeCluster_ReloadsPatientsAndAnswersTheSame()
    {
        var connection = Postgres.Require();
        var before = fixture.Cluster!;
        await before.StopAsync();

        var folder = Scenario.NewFolder("restart");
        try
        {
            await using var after = await LocalCluster.StartAsync(before.Connection, Scenario.Secret, 3, Path.Combine(folder, "logs"), CancellationToken.None);
            var db = Path.Combine(folder, "db");

            // Rejects are written by the ingest job, which is not run again: compare the tables.
            var tables = await Scenario.ExportAsync(after.Grains, db);
            Assert.Equal(fixture.Faulted.Where(f => !f.Key.StartsWith("rejects", StringComparison.Ordinal)), tables);
            Assert.Equal(fixture.ConditionCounts, await Scenario.ConditionCountsAsync(after.Grains));
            Assert.NotEmpty(fixture.ConditionCounts);
            var rows = await Postgres.QueryAsync(connection, "SELECT count(*) FROM orleansstorage WHERE serviceid = @s AND graintypestring = 'patient'",
                r => r.GetInt64(0), ("s", before.Connection.ServiceId));
            Assert.Equal(fixture.Progress!.Units[0].Patients, rows[0]);
        }
        finally
        {
            Scenario.Delete(folder);
        }
    }
}
