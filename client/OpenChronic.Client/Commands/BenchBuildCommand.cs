using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy;
using OpenChronic.Domain.Snds;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Database;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;
using OpenChronic.Synthetic;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench build --patients N</c>: generates (or reuses) a clean extract, reads it once without the grid
/// (reading, filters, joins and person resolution alone), then runs the real build on the embedded grid (ingest and
/// commit, derive and export) and prints events/s, source rows/s, peak memory, bytes per resident event and the
/// time of each stage, wall-clock and CPU.
/// </summary>
internal static class BenchBuildCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Generated persons.", DefaultValueFactory = _ => 100_000 };
        var years = new Option<string>("--years") { Description = "Care years, e.g. 2019-2021.", DefaultValueFactory = _ => "2019-2021" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated extract.", DefaultValueFactory = _ => 7UL };
        var dir = new Option<string?>("--dir") { Description = "Work folder (default: a folder under the temporary folder)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the extract (reused by the next run) and the database." };
        var command = new Command("build", "Time the whole build (generate, read, ingest, commit, derive, export) and its memory.")
        {
            patients, years, seed, dir, keep,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(patients), parse.GetValue(years)!, parse.GetValue(seed),
            parse.GetValue(dir), parse.GetValue(keep), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(int patients, string years, ulong seed, string? dir, bool keep, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (patients < 1 || !SynthCommand.TryParseYears(years, out var first, out var last) || last < first)
        {
            console.MarkupLine("[red]--patients must be at least 1 and --years look like 2019-2021.[/]");
            return 2;
        }

        var folder = Path.GetFullPath(dir ?? Path.Combine(Path.GetTempPath(), "openchronic-bench-build"));
        var extract = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"extract-{patients}-{first}-{last}-{seed}"));
        var db = Path.Combine(folder, "db");
        var loadBefore = LoadAverage();
        using var stages = new BenchBuildStages();
        try
        {
            await Generate(stages, new SynthOptions(patients, first, last, seed, SndsFileFormat.Parquet, extract), console);
            await ReadWithoutGrid(stages, extract, console, cancellationToken);
            var result = await BuildOnGrid(stages, extract, db, [.. Enumerable.Range(first, last - first + 1)], console, cancellationToken);
            result = result with { Patients = patients, Years = years, Seed = seed, LoadAverageBefore = loadBefore, LoadAverageAfter = LoadAverage() };
            BenchBuildReport.Show(console, result);
            Directory.CreateDirectory(folder);
            var json = Path.Combine(folder, "bench-build.json");
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, BenchBuildJson.Default.BenchBuildResult), cancellationToken);
            console.MarkupLineInterpolated($"Figures written to [bold]{json}[/].");
            return 0;
        }
        finally
        {
            if (!keep)
            {
                DeleteQuietly(extract);
                DeleteQuietly(db);
            }
        }
    }

    private static async Task Generate(BenchBuildStages stages, SynthOptions options, IAnsiConsole console)
    {
        var complete = Path.Combine(options.OutputDirectory, ".complete");
        if (File.Exists(complete))
        {
            console.MarkupLineInterpolated($"Reusing the extract in [bold]{options.OutputDirectory}[/].");
            return;
        }

        DeleteQuietly(options.OutputDirectory);
        console.MarkupLineInterpolated($"Generating {options.Patients:N0} persons, {options.StartYear}-{options.EndYear}, seed {options.Seed}…");
        await stages.Time("generate extract", 0, () => Task.Run(() => SyntheticGenerator.Generate(options)));
        await File.WriteAllTextAsync(complete, "");
    }

    /// <summary>Every unit read once by <see cref="UnitReader"/> alone: the cost of reading, filters, joins and resolution.</summary>
    private static async Task ReadWithoutGrid(BenchBuildStages stages, string extract, IAnsiConsole console, CancellationToken cancellationToken)
    {
        console.MarkupLine("Reading every unit without the grid (reading, filters, joins, person resolution)…");
        var (units, persons) = await stages.Time("read: plan + person directory", 0, () => Task.Run(() =>
        {
            var inventory = ExtractInventory.Discover(extract, SndsCatalogue.Default);
            var planned = WorkUnitPlanner.Plan(inventory);
            return (planned, PersonDirectory.Load(planned.Single(u => u.Kind == WorkUnitKind.Beneficiaries).Files));
        }));
        var reader = new UnitReader(persons);
        foreach (var kind in units.Select(u => u.Kind).Distinct())
        {
            var ofKind = units.Where(u => u.Kind == kind).ToList();
            long rows = 0;
            await stages.Time($"read: {kind} ({ofKind.Count} units)", 0, () => Task.Run(() =>
            {
                foreach (var unit in ofKind)
                {
                    rows += reader.Read(unit, cancellationToken).Tables.Values.Sum(t => t.Source);
                }

                return rows;
            }, cancellationToken));
            stages.Stages[^1] = stages.Stages[^1] with { Rows = rows };
        }
    }

    private static async Task<BenchBuildResult> BuildOnGrid(BenchBuildStages stages, string extract, string db, int[] years, IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        console.MarkupLine("Building on the embedded grid…");
        await using var grid = await EmbeddedGrid.StartAsync(KeyedPseudonym.FromPassphrase("bench build"), cancellationToken);
        var sessions = grid.Services.GetRequiredService<ExtractSessions>();
        await stages.Time("grid: plan + person directory", 0, () => Task.FromResult(sessions.Get(extract)));
        var heapBefore = BenchBuildStages.SettledHeap();
        var job = grid.Grains.GetGrain<IIngestJobGrain>("bench");
        var (pauseBefore, allocatedBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var progress = await stages.Time("grid: ingest + commit", 0, async () =>
        {
            await job.StartAsync(new IngestRequest(extract, Path.Combine(db, "rejects")));
            IngestProgress p;
            while (!(p = await job.GetProgressAsync()).IsFinished)
            {
                await Task.Delay(200, cancellationToken);
            }

            return p;
        });
        if (progress.Status != "completed")
        {
            throw new InvalidOperationException($"The ingest job failed: {progress.Error}");
        }

        var (gcPause, allocated) = (GC.GetTotalPauseDuration() - pauseBefore, GC.GetTotalAllocatedBytes() - allocatedBefore);
        var ingest = stages.Stages[^1];
        stages.Stages[^1] = ingest with { Rows = progress.SourceRows };
        foreach (var kind in progress.Units.GroupBy(u => u.UnitId.Split(':')[0]))
        {
            stages.Add($"  ingest {kind.Key}: sum of unit seconds ({kind.Count()} units, 2 at a time)", kind.Sum(u => u.Seconds), kind.Sum(u => u.SourceRows));
        }

        stages.Add("  commit (within ingest)", progress.CommitSeconds, 0);
        var heapResident = BenchBuildStages.SettledHeap();
        var (events, timelineBytes) = await ResidentTimelines(grid.Grains);
        await stages.Time("grid: derive + export", 0, async () =>
        {
            using var writer = new DatabaseWriter(db);
            return await DatabaseExport.ExportAsync(grid.Grains, writer, years, null, cancellationToken);
        });
        return new BenchBuildResult(0, "", 0, Environment.ProcessorCount, 0, 0, progress.SourceRows, events, progress.RejectedRows,
            ingest.Seconds, ingest.CpuSeconds, progress.CommitSeconds, stages.PeakWorkingSet(), heapBefore, heapResident, timelineBytes, stages.Stages,
            gcPause.TotalSeconds, allocated);
    }

    /// <summary>Events held by the patients and the bytes of their timeline arrays, asked partition by partition.</summary>
    private static async Task<(long Events, long Bytes)> ResidentTimelines(IGrainFactory grains)
    {
        long events = 0, bytes = 0;
        for (var p = 0; p < Partitions.Count; p++)
        {
            var members = await grains.GetGrain<IPartitionGrain>(p).GetMembersAsync();
            foreach (var s in await Task.WhenAll(members.Select(m => grains.GetGrain<IPatientGrain>(m).GetSnapshotAsync().AsTask())))
            {
                events += s.EventCount;
                bytes += s.ResidentBytes;
            }
        }

        return (events, bytes);
    }

    /// <summary>The 1-minute load average (Linux), 0 elsewhere: how busy the machine was around the run.</summary>
    internal static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still mapped by the native Parquet reader; the temporary folder is cleaned by the system.
        }
    }
}
