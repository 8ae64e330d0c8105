using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using OpenChronic.Silo;
using Orleans.Storage;

namespace OpenChronic.Client.Commands;

/// <summary>State writes and reads per second through Orleans' ADO.NET provider (binary serializer, PostgreSQL).</summary>
internal sealed record StorageFigures(string ServiceId, int States, int PayloadBytes, int InFlight, double InsertsPerSecond, double UpdatesPerSecond, double ReadsPerSecond);

/// <summary>One build on a cluster of <see cref="Silos"/> silo processes.</summary>
internal sealed record BuildFigures(int Silos, double StartSeconds, double IngestSeconds, double ExportSeconds, long Patients, IReadOnlyDictionary<string, long> Rows);

/// <summary>Managed memory a silo holds per resident patient after ingestion (heap growth, full collection).</summary>
internal sealed record MemoryFigures(long Patients, long Events, double HeapBytesPerPatient, double EventsPerPatient);

/// <summary>The measurements of <c>bench cluster</c>, usable by the tests with small sizes.</summary>
internal static class BenchClusterRuns
{
    /// <summary>
    /// Writes <paramref name="states"/> patient-sized states (new rows, then updates) and reads them back through the
    /// ADO.NET grain storage of an in-process cluster silo, <paramref name="inFlight"/> operations at a time.
    /// </summary>
    public static async Task<StorageFigures> MeasureStorageAsync(string connectionString, int states, int payloadBytes, int inFlight, ulong seed,
        CancellationToken cancellationToken)
    {
        var id = $"bench-storage-{seed}-{Guid.NewGuid():N}"[..40];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var settings = new ClusterSettings { ConnectionString = connectionString, ClusterId = id, ServiceId = id, SiloPort = FreePorts.Next(), GatewayPort = 0 };
        builder.UseOrleans(silo => silo.UseOpenChronicCluster(settings, KeyedPseudonym.FromPassphrase(id)));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(OpenChronicSilo.PatientStorage);
            var random = new Random(unchecked((int)seed));
            var grains = new (GrainId Id, GrainState<PatientState> State)[states];
            for (var i = 0; i < states; i++)
            {
                var events = new byte[payloadBytes];
                random.NextBytes(events);
                var bytes = new byte[16];
                BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), seed);
                BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), (ulong)i);
                var key = new Guid(bytes);
                grains[i] = (GrainId.Create("patient", key.ToString("N")), new GrainState<PatientState>(new PatientState { Events = events, AppliedUnits = [(ulong)i] }));
            }

            var inserts = await TimeAsync(grains, inFlight, g => storage.WriteStateAsync("patient", g.Id, g.State), cancellationToken);
            var updates = await TimeAsync(grains, inFlight, g => storage.WriteStateAsync("patient", g.Id, g.State), cancellationToken);
            var reads = await TimeAsync(grains, inFlight, g => storage.ReadStateAsync("patient", g.Id, new GrainState<PatientState>()), cancellationToken);
            return new StorageFigures(id, states, payloadBytes, inFlight, states / inserts, states / updates, states / reads);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Starts <paramref name="silos"/> silo processes as a fresh cluster, ingests <paramref name="extract"/> with the
    /// ingest job, exports the database to <paramref name="db"/>, stops the silos.
    /// </summary>
    public static async Task<BuildFigures> MeasureBuildAsync(string connectionString, int silos, string extract, string db, int[] years, string logDirectory,
        CancellationToken cancellationToken)
    {
        var id = $"bench-build-{silos}-{Guid.NewGuid():N}"[..36];
        var clock = Stopwatch.StartNew();
        await using var cluster = await LocalCluster.StartAsync(new ClusterConnection(connectionString, id, id), "bench cluster", silos, logDirectory, cancellationToken);
        var started = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var job = cluster.Grains.GetGrain<IIngestJobGrain>("bench");
        await job.StartAsync(new IngestRequest(Path.GetFullPath(extract), Path.Combine(Path.GetFullPath(db), "rejects")));
        var progress = await FollowAsync(job, cancellationToken);
        if (progress.Status != "completed")
        {
            throw new InvalidOperationException($"The bench build on {silos} silos failed: {progress.Error}");
        }

        var ingest = clock.Elapsed.TotalSeconds;
        clock.Restart();
        using var writer = new DatabaseWriter(db);
        var patients = await DatabaseExport.ExportAsync(cluster.Grains, writer, years, null, cancellationToken);
        var export = clock.Elapsed.TotalSeconds;
        return new BuildFigures(silos, started, ingest, export, patients, writer.Rows);
    }

    /// <summary>
    /// Ingests <paramref name="extract"/> on an embedded silo in this process and measures the managed heap before and
    /// after (full collections): what one resident patient costs a silo, its events and grain included, plus its
    /// share of the extract's person directory.
    /// </summary>
    public static async Task<MemoryFigures> MeasureMemoryAsync(string extract, string rejects, CancellationToken cancellationToken)
    {
        await using var grid = await EmbeddedGrid.StartAsync(KeyedPseudonym.FromPassphrase("bench memory"), cancellationToken);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var job = grid.Grains.GetGrain<IIngestJobGrain>("memory");
        await job.StartAsync(new IngestRequest(Path.GetFullPath(extract), rejects));
        var progress = await FollowAsync(job, cancellationToken);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var patients = progress.Units.Length > 0 ? progress.Units[0].Patients : 0;
        return new MemoryFigures(patients, progress.Events, (after - before) / (double)Math.Max(1, patients), progress.Events / (double)Math.Max(1, patients));
    }

    /// <summary>Polls an ingest job until it completes or fails.</summary>
    public static async Task<IngestProgress> FollowAsync(IIngestJobGrain job, CancellationToken cancellationToken)
    {
        while (true)
        {
            IngestProgress progress;
            try
            {
                progress = await job.GetProgressAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The job's silo may have just died: the next call reactivates the job elsewhere and it resumes.
                await Task.Delay(500, cancellationToken);
                continue;
            }

            if (progress.IsFinished)
            {
                return progress;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<double> TimeAsync<T>(T[] items, int inFlight, Func<T, Task> operation, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(inFlight);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (running.Count >= inFlight)
            {
                var done = await Task.WhenAny(running);
                running.Remove(done);
                await done;
            }

            running.Add(operation(item));
        }

        await Task.WhenAll(running);
        return Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
    }


    internal static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
