using System.Security.Cryptography;
using OpenChronic.Client.Commands;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic;

namespace OpenChronic.Cluster.Tests;

/// <summary>What the cluster scenarios share: a small seeded extract, builds, exports and table hashes.</summary>
internal static class Scenario
{
    /// <summary>Secret of the patient keys, the same for the embedded reference and every silo.</summary>
    public const string Secret = "cluster tests";

    public static readonly int[] Years = [2020];

    /// <summary>One extract and its embedded reference build, shared by the scenarios (built once per test run).</summary>
    public static readonly Lazy<Task<(string Extract, Dictionary<string, string> Reference)>> Shared = new(async () =>
    {
        var folder = NewFolder("shared");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(folder);
        var extract = Extract(folder);
        return (extract, await BuildEmbeddedAsync(extract, Path.Combine(folder, "reference")));
    });

    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "openchronic-cluster-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A seeded synthetic extract: 400 persons, one year (a dozen DCIR months, one PMSI year).</summary>
    public static string Extract(string folder)
    {
        var extract = Path.Combine(folder, "extract");
        SyntheticGenerator.Generate(new SynthOptions(400, 2020, 2020, 7, SndsFileFormat.Parquet, extract));
        return extract;
    }

    /// <summary>The reference: the same extract built on the embedded grid (one process, memory storage, no fault).</summary>
    public static async Task<Dictionary<string, string>> BuildEmbeddedAsync(string extract, string db)
    {
        await using var grid = await EmbeddedGrid.StartAsync(KeyedPseudonym.FromPassphrase(Secret), CancellationToken.None);
        var progress = await IngestAsync(grid.Grains, extract, db);
        Assert.Equal("completed", progress.Status);
        return await ExportAsync(grid.Grains, db);
    }

    public static async Task<IngestProgress> IngestAsync(IGrainFactory grains, string extract, string db, Func<IngestProgress, Task>? onProgress = null)
    {
        var job = grains.GetGrain<IIngestJobGrain>("build");
        await job.StartAsync(new IngestRequest(Path.GetFullPath(extract), Path.Combine(Path.GetFullPath(db), "rejects")));
        if (onProgress is null)
        {
            return await BenchClusterRuns.FollowAsync(job, CancellationToken.None);
        }

        while (true)
        {
            IngestProgress progress;
            try
            {
                progress = await job.GetProgressAsync();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The job's silo may have just died: the next call reactivates the job on a live silo.
                await Task.Delay(500);
                continue;
            }

            if (progress.IsFinished)
            {
                return progress;
            }

            await onProgress(progress);
            await Task.Delay(200);
        }
    }

    /// <summary>Derives and exports every patient of the grid (a query over the 64 partitions), then hashes the tables.</summary>
    public static async Task<Dictionary<string, string>> ExportAsync(IGrainFactory grains, string db)
    {
        using (var writer = new DatabaseWriter(db))
        {
            await DatabaseExport.ExportAsync(grains, writer, Years, null, CancellationToken.None);
        }

        return Hashes(db);
    }

    /// <summary>SHA-256 of every file of a database folder (tables and rejects), by relative path.</summary>
    public static Dictionary<string, string> Hashes(string db)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(db, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            hashes[Path.GetRelativePath(db, file)] = Convert.ToHexString(SHA256.HashData(stream));
        }

        return hashes;
    }

    /// <summary>Per condition and year, how many patients the partitions' summaries count (summaries are pushed by derivation).</summary>
    public static async Task<SortedDictionary<string, int>> ConditionCountsAsync(IGrainFactory grains)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < Partitions.Count; p++)
        {
            foreach (var summary in await grains.GetGrain<IPartitionGrain>(p).GetSummariesAsync())
            {
                foreach (var condition in summary.Conditions)
                {
                    var key = $"{condition.Condition}/{condition.Year}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return counts;
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A silo log still open by a dying process; the temporary folder is left to the system.
        }
    }
}
