using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic;

namespace OpenChronic.Grains.Tests;

/// <summary>A generated extract ingested by the job on the 2-silo cluster; checks wiring, accounting and idempotency.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IngestJobTests(ClusterFixture fixture) : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "oc-ingest-" + Guid.NewGuid().ToString("N"));

    public ValueTask InitializeAsync()
    {
        SyntheticGenerator.Generate(new SynthOptions(600, 2020, 2020, 11, SndsFileFormat.Parquet, Path.Combine(_root, "extract"), 0.01));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    private IngestRequest Request => new(Path.Combine(_root, "extract"), Path.Combine(_root, "rejects"));

    private async Task<IngestProgress> RunJob(string name, int commitEvery = 0)
    {
        var job = fixture.Grains.GetGrain<IIngestJobGrain>(name);
        await job.StartAsync(Request with { CommitEvery = commitEvery });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IngestProgress progress;
        do
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            progress = await job.GetProgressAsync();
        }
        while (!progress.IsFinished && clock.Elapsed < TimeSpan.FromMinutes(3));

        return progress;
    }

    private async Task<(long Events, int Patients)> CountPatients(IReadOnlyList<Guid> keys)
    {
        var snapshots = await Task.WhenAll(keys.Select(k => fixture.Grains.GetGrain<IPatientGrain>(k).GetSnapshotAsync().AsTask()));
        return (snapshots.Sum(s => (long)s.EventCount), snapshots.Count(s => s.UnitsApplied > 0));
    }

    private async Task<List<Guid>> Members()
    {
        var members = new List<Guid>();
        for (var p = 0; p < Partitions.Count; p++)
        {
            members.AddRange(await fixture.Grains.GetGrain<IPartitionGrain>(p).GetMembersAsync());
        }

        return members;
    }

    [Fact]
    public async Task Job_IngestsEveryUnit_EveryEventReachesItsPatient_AndAUnitAppliedTwiceChangesNothing()
    {
        // Other tests share the cluster: their patients are in the partitions too.
        var before = (await Members()).ToHashSet();
        var progress = await RunJob("ingest-test");
        Assert.Equal("completed", progress.Status);
        Assert.Equal(progress.UnitsTotal, progress.UnitsDone);
        Assert.Equal(progress.UnitsTotal, progress.UnitsCommitted);
        Assert.Equal("IR_BEN_R", progress.Units[0].UnitId);
        Assert.All(progress.Units, u => Assert.Equal(u.SourceRows, u.KeptRows + u.Filtered.Values.Sum() + u.RejectedRows));

        var members = (await Members()).Where(k => !before.Contains(k)).ToList();
        var (events, patients) = await CountPatients(members);
        Assert.Equal(progress.Events, events);
        Assert.True(patients >= 600, $"{patients} patients");

        // A retried unit (the worker called again for a unit already applied) adds nothing.
        var dcir = progress.Units.First(u => u.UnitId.StartsWith("DCIR:", StringComparison.Ordinal) && u.Events > 0);
        await fixture.Grains.GetGrain<IIngestWorkerGrain>(0).ProcessUnitAsync(Request, dcir.UnitId);
        Assert.Equal(events, (await CountPatients(members)).Events);

        // The whole job run again, with a checkpoint every 5 units: every unit reaches patients that committed it.
        var again = await RunJob("ingest-test-again", commitEvery: 5);
        Assert.Equal("completed", again.Status);
        Assert.Equal(again.UnitsTotal, again.UnitsCommitted);
        Assert.Equal(events, (await CountPatients(members)).Events);

        // Injected malformed rows end in the rejects files, one file per unit.
        var rejectFiles = Directory.GetFiles(Path.Combine(_root, "rejects"), "*.csv");
        Assert.Equal(progress.UnitsTotal, rejectFiles.Length);
        var rejectLines = rejectFiles.Sum(f => File.ReadLines(f).Count() - 1);
        Assert.Equal(progress.RejectedRows, rejectLines);
        Assert.True(rejectLines > 0);

        // Derived pathways exist for patients with ALD registrations.
        var derived = await Task.WhenAll(members.Take(200).Select(k => fixture.Grains.GetGrain<IPatientGrain>(k).DeriveAsync([2020]).AsTask()));
        Assert.Contains(derived, d => d.AldEpisodes.Length > 0);
        Assert.Contains(derived, d => d.Conditions.Length > 0);
    }
}
