using System.Diagnostics;
using System.Globalization;
using OpenChronic.Client.Grid;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;
using OpenChronic.Domain.Snds;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Database;
using OpenChronic.Ingestion.Validation;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// One benchmark scenario: both engines' elapsed times, the target on their ratio (grid time / DuckDB time), and the
/// process CPU seconds each engine used (0 when not measured; DuckDB's native threads count, both engines run in the
/// process one after the other).
/// </summary>
internal sealed record BenchScenario(string Name, double GridSeconds, double DuckSeconds, double TargetRatio, string Detail,
    double GridCpuSeconds = 0, double DuckCpuSeconds = 0)
{
    public double Ratio => DuckSeconds > 0 ? GridSeconds / DuckSeconds : double.NaN;

    public double CpuRatio => DuckCpuSeconds > 0 && GridCpuSeconds > 0 ? GridCpuSeconds / DuckCpuSeconds : double.NaN;

    public bool Met => Ratio <= TargetRatio;
}

/// <summary>
/// The scenarios of <c>bench reference</c>, run in one process on one extract: the extract minus one DCIR flux month
/// is built by the grid and by the DuckDB reference (full build); that month is then applied to the built grid and
/// only the patients it touched re-derived, while DuckDB recomputes everything (incremental); per-patient sequence measures alone
/// (grid: derive every patient; DuckDB: netted dispensations, treatment lines and stays from the events table); a
/// cohort count (grid: partition summaries; DuckDB: SQL over the Parquet database). 
/// </summary>
internal sealed class BenchReferenceRun(string work, int[] years, string key, IAnsiConsole console, bool incremental = true, string? duckMemory = null)
{
    private const int CohortRuns = 5;
    private readonly KeyedPseudonym _pseudonym = KeyedPseudonym.FromPassphrase(key);
    private DuckDB.NET.Data.DuckDBConnection? _connection;

    public async Task<IReadOnlyList<BenchScenario>> RunAsync(string extract, CancellationToken cancellationToken)
    {
        var (baseExtract, month) = HoldOutLastMonth(extract);
        var scenarios = new List<BenchScenario>();

        // Capped (at scale), DuckDB builds first, before the grid's patients take the memory; else after the grid.
        (double Seconds, double CpuSeconds, IReadOnlyList<ReferenceStage> Stages)? duck = null;
        if (duckMemory is not null)
        {
            Say($"full build of {baseExtract} (without {month}): DuckDB first (its default memory limit: the grid is not started)…");
            duck = Reference(baseExtract, Path.Combine(work, "duck-db"), keep: false, capped: false);
        }

        await using var grid = await EmbeddedGrid.StartAsync(_pseudonym, cancellationToken);

        // Full build: ingest, derive and write the database.
        Say($"full build of {baseExtract} (without {month}): grid…");
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        var progress = await IngestAsync(grid.Grains, baseExtract, cancellationToken);
        var ingest = clock.Elapsed.TotalSeconds;
        using (var writer = new DatabaseWriter(Path.Combine(work, "grid-db")))
        {
            await DatabaseExport.ExportAsync(grid.Grains, writer, years, null, cancellationToken);
        }

        var gridFull = clock.Elapsed.TotalSeconds;
        var gridFullCpu = Cpu() - cpu;
        if (duck is null)
        {
            Say("full build: DuckDB…");
            duck = Reference(baseExtract, Path.Combine(work, "duck-db"), keep: !incremental);
        }

        var (duckFull, duckFullCpu, stages) = duck.Value;
        Measured(scenarios, new BenchScenario("full build (Parquet → database)", gridFull, duckFull, 1.0,
            $"grid: ingest {F(ingest)} s ({progress.SourceRows:N0} source rows, {progress.Events:N0} events), derive + export {F(gridFull - ingest)} s; " +
            $"DuckDB: {string.Join(", ", stages.Select(s => $"{s.Name} {F(s.Seconds)} s"))}", gridFullCpu, duckFullCpu));

        // Incremental: one new flux month (skipped with --no-incremental: DuckDB's recompute is a second full build).
        var database = Path.Combine(work, "duck-db");
        if (incremental)
        {
            database = Path.Combine(work, "duck-db-increment");
            Measured(scenarios, await IncrementalAsync(grid.Grains, extract, month, database, clock));
        }

        // Per-patient sequence measures: each partition asks its patients, the 64 partitions at once; DuckDB builds the
        // same two tables from the events in memory. The sums are compared so that both did the same work.
        Say("sequence measures…");
        clock.Restart();
        cpu = Cpu();
        var figures = (await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => grid.Grains.GetGrain<IPartitionSequences>(p).MeasureSequencesAsync().AsTask()))).Aggregate(SequenceFigures.Zero, SequenceFigures.Add);
        var gridSequence = clock.Elapsed.TotalSeconds;
        var gridSequenceCpu = Cpu() - cpu;
        var gridFigures = figures with { Patients = 0 };
        double duckSequence, duckSequenceCpu;
        SequenceFigures duckFigures;
        try
        {
            // A capped build was closed to free the memory for the grid: its database file is opened again, same cap.
            _connection ??= OpenCapped(Path.Combine(work, "duck-db.duckdb"));
            clock.Restart();
            cpu = Cpu();
            ReferenceDerive.Dispensed(_connection);
            ReferenceDerive.TreatmentLines(_connection, CaseDefinitionCatalogue.Default, TreatmentLineOptions.Default);
            ReferenceDerive.Stays(_connection);
            duckSequence = clock.Elapsed.TotalSeconds;
            duckSequenceCpu = Cpu() - cpu;
            duckFigures = DuckSequenceFigures(_connection);
        }
        catch (DuckDB.NET.Data.DuckDBException e)
        {
            // Reported, not fatal: the grid's figures and the scenarios already measured stay.
            Measured(scenarios, new BenchScenario("sequence measures (treatment lines, post-discharge windows)", gridSequence, double.NaN, 0.5,
                $"DuckDB failed: {e.Message.Split('\n')[0]}; grid: {gridFigures.TreatmentLines:N0} treatment lines, {gridFigures.Episodes:N0} hospital episodes", gridSequenceCpu));
            return scenarios;
        }
        finally
        {
            _connection?.Dispose();
            _connection = null;
        }

        Measured(scenarios, new BenchScenario("sequence measures (treatment lines, post-discharge windows)", gridSequence, duckSequence, 0.5,
            $"{duckFigures.TreatmentLines:N0} treatment lines ({duckFigures.LineDays:N0} days), {duckFigures.Episodes:N0} hospital episodes "
            + $"(GP within 7 / 30 days {duckFigures.GpWithin7Days:N0} / {duckFigures.GpWithin30Days:N0}, readmitted within 30 days {duckFigures.ReadmittedWithin30Days:N0})"
            + (gridFigures == duckFigures ? ", same sums on both engines" : $" — SUMS DIFFER, grid: {gridFigures}")
            + "; grid: each of the 64 partitions asks its patients for their lines and episodes (conditions and ALD episodes not derived); DuckDB: from its events table (in memory, or its database file under --duckdb-memory)",
            gridSequenceCpu, duckSequenceCpu));

        // Cohort count.
        Say("cohort count…");
        var year = years[^1];
        var (gridCount, gridCohort) = await MedianAsync(() => GridCohortAsync(grid.Grains, year));
        var (duckCount, duckCohort) = await MedianAsync(() => Task.FromResult(DuckCohort(database, year)));
        Measured(scenarios, new BenchScenario($"cohort count (born ≤ 1955, diabetes in {year}, heart failure any year)", gridCohort, duckCohort, 1.0,
            $"grid: 64 partition summaries, {gridCount:N0} patients; DuckDB: SQL over the Parquet database, {duckCount:N0} patients" +
            (gridCount == duckCount ? "" : " — COUNTS DIFFER") + $"; median of {CohortRuns} runs"));
        return scenarios;
    }

    private async Task<BenchScenario> IncrementalAsync(IGrainFactory grains, string extract, string month, string database, Stopwatch clock)
    {
        Say($"incremental {month}: grid…");
        clock.Restart();
        var cpu = Cpu();
        // A monthly update: each patient of the month applies it, commits (durable) and re-derives in one call, its
        // partition's summary refreshed; then anything left uncommitted or underived is settled (nothing, normally).
        var unit = await grains.GetGrain<IIngestWorkerGrain>(0).ProcessUpdateAsync(new IngestRequest(extract, Path.Combine(work, "rejects-increment")), month, years);
        var apply = clock.Elapsed.TotalSeconds;
        var left = (await Task.WhenAll(Enumerable.Range(0, Partitions.Count).Select(p => grains.GetGrain<IPartitionBuild>(p).SettleTouchedAsync(years).AsTask())))
            .Aggregate(new PartitionSettlement(0, 0), PartitionSettlement.Add);
        var gridIncrement = clock.Elapsed.TotalSeconds;
        var gridIncrementCpu = Cpu() - cpu;
        Say($"incremental {month}: DuckDB recompute…");
        var (duckIncrement, duckIncrementCpu, _) = Reference(extract, database, keep: true);
        return new BenchScenario($"incremental: add flux month {month}", gridIncrement, duckIncrement, 0.1,
            $"grid: read the unit, then each of its {unit.Patients:N0} patients applies it, commits and re-derives in one call (partition summaries refreshed) {F(apply)} s ({unit.SourceRows:N0} rows), settle what was left {F(gridIncrement - apply)} s ({left.Derived:N0} re-derived, {left.Written:N0} written); DuckDB: full recompute and write", gridIncrementCpu, duckIncrementCpu);
    }

    private (double Seconds, double CpuSeconds, IReadOnlyList<ReferenceStage> Stages) Reference(string extract, string output, bool keep = false, bool capped = true)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        // With --duckdb-memory DuckDB works in a database file (an in-memory database's tables cannot leave memory)
        // and spills to the work folder; capped unless the grid is not started yet.
        var file = duckMemory is null ? null : Path.Combine(work, Path.GetFileName(output) + ".duckdb");
        if (file is not null)
        {
            File.Delete(file);
            File.Delete(file + ".wal");
        }

        var connection = file is null ? ReferenceBuild.Connect() : OpenCapped(file, capped);
        var stages = ReferenceBuild.Run(connection, extract, _pseudonym, years).ToList();
        var built = clock.Elapsed.TotalSeconds;
        ReferenceBuild.Export(connection, output);
        stages.Add(new ReferenceStage("write", clock.Elapsed.TotalSeconds - built));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = Cpu() - cpu;
        if (keep)
        {
            _connection = connection;
        }
        else
        {
            connection.Dispose();
        }

        return (seconds, cpuSeconds, stages);
    }

    // DuckDB in a database file, spilling to the work folder, under the memory cap when the grid is resident; insertion
    // order is not kept (DuckDB's advice for large loads: it lets a CREATE TABLE … AS stream without buffering).
    private DuckDB.NET.Data.DuckDBConnection OpenCapped(string file, bool capped = true)
    {
        var connection = ReferenceBuild.Connect(file);
        var spill = Path.Combine(work, "duck-spill");
        Directory.CreateDirectory(spill);
        ReferenceSql.Execute(connection, $"SET temp_directory = {ReferenceSql.Literal(spill)}; SET preserve_insertion_order = false");
        if (capped)
        {
            ReferenceSql.Execute(connection, $"SET memory_limit = '{duckMemory}'");
        }

        return connection;
    }

    /// <summary>
    /// A view of the extract without the files of its fullest DCIR flux month (symbolic links), and that month's unit id:
    /// the fullest month stands for a routine monthly delivery (the last flux months of a synthetic extract only carry late claims).
    /// </summary>
    private (string Directory, string Month) HoldOutLastMonth(string extract)
    {
        var units = WorkUnitPlanner.Plan(ExtractInventory.Discover(extract, SndsCatalogue.Default));
        var last = units.Where(u => u.Kind == WorkUnitKind.Dcir && u.Id != WorkUnitPlanner.UndatedDcirId).MaxBy(u => u.Files.Sum(f => new FileInfo(f.Path).Length))
            ?? throw new InvalidDataException("The extract has no DCIR flux month to add incrementally.");
        var held = last.Files.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);
        var directory = Path.Combine(work, "extract-base");
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(extract))
        {
            var full = Path.GetFullPath(file);
            var link = Path.Combine(directory, Path.GetFileName(file));
            if (!held.Contains(full) && !File.Exists(link))
            {
                File.CreateSymbolicLink(link, full);
            }
        }

        return (directory, last.Id);
    }

    private static async Task<IngestProgress> IngestAsync(IGrainFactory grains, string extract, CancellationToken cancellationToken)
    {
        var job = grains.GetGrain<IIngestJobGrain>("bench-" + Path.GetFileName(extract));
        await job.StartAsync(new IngestRequest(extract, Path.Combine(Path.GetDirectoryName(extract)!, "rejects")));
        while (true)
        {
            var p = await job.GetProgressAsync();
            if (p.IsFinished)
            {
                return p.Status == "completed" ? p : throw new InvalidOperationException($"The grid build failed: {p.Error}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<long> GridCohortAsync(IGrainFactory grains, int year)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, Partitions.Count).Select(async p =>
        {
            long n = 0;
            foreach (var s in await grains.GetGrain<IPartitionGrain>(p).GetSummariesAsync())
            {
                if (s.Profile is { BirthYear: > 0 and <= 1955 } &&
                    s.Conditions.Any(c => c.Condition == "diabetes" && c.Year == year) && s.Conditions.Any(c => c.Condition == "heart_failure"))
                {
                    n++;
                }
            }

            return n;
        }));
        return counts.Sum();
    }

    private static long DuckCohort(string database, int year)
    {
        using var connection = ReferenceBuild.Connect();
        string P(string table) => $"read_parquet({ReferenceSql.Literal(Path.Combine(database, table + ".parquet"))})";
        return ReferenceSql.Scalar(connection, $"""
            SELECT count(*) FROM {P("patients")} p
            WHERE p.birth_year BETWEEN 1 AND 1955
              AND p.patient_id IN (SELECT patient_id FROM {P("conditions")} WHERE condition = 'diabetes' AND year = {year.ToString(CultureInfo.InvariantCulture)})
              AND p.patient_id IN (SELECT patient_id FROM {P("conditions")} WHERE condition = 'heart_failure')
            """);
    }

    private static async Task<(long Result, double Seconds)> MedianAsync(Func<Task<long>> run)
    {
        var times = new double[CohortRuns];
        long result = 0;
        for (var i = 0; i < CohortRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            result = await run();
            times[i] = clock.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return (result, times[CohortRuns / 2]);
    }

    /// <summary>CPU seconds of the whole process so far (user + system, every thread, DuckDB's native ones included).</summary>
    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    // Each scenario is printed as soon as it is measured: a later failure (e.g. out of memory at 1,000,000 persons) does
    // not lose the figures already taken.
    private void Measured(List<BenchScenario> scenarios, BenchScenario scenario)
    {
        scenarios.Add(scenario);
        Say($"{scenario.Name}: grid {F(scenario.GridSeconds)} s, DuckDB {F(scenario.DuckSeconds)} s, ratio {scenario.Ratio:0.00}; CPU {F(scenario.GridCpuSeconds)} s vs {F(scenario.DuckCpuSeconds)} s");
    }

    private void Say(string text) => console.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss} {text}[/]");

    private static string F(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture);

    // The grid's sums, from the DuckDB tables.
    private static SequenceFigures DuckSequenceFigures(DuckDB.NET.Data.DuckDBConnection connection) => new(0,
        ReferenceSql.Scalar(connection, "SELECT count(*) FROM treatment_lines"),
        ReferenceSql.Scalar(connection, "SELECT CAST(coalesce(sum(datediff('day', start_date, end_date) + 1), 0) AS BIGINT) FROM treatment_lines"),
        ReferenceSql.Scalar(connection, "SELECT count(*) FROM stays"),
        ReferenceSql.Scalar(connection, "SELECT CAST(coalesce(sum(stays), 0) AS BIGINT) FROM stays"),
        ReferenceSql.Scalar(connection, "SELECT count(*) FROM stays WHERE days_to_gp <= 7"),
        ReferenceSql.Scalar(connection, "SELECT count(*) FROM stays WHERE days_to_gp <= 30"),
        ReferenceSql.Scalar(connection, "SELECT count(*) FROM stays WHERE days_to_specialist <= 30"),
        ReferenceSql.Scalar(connection, "SELECT count(*) FROM stays WHERE days_to_readmission <= 30"));
}
