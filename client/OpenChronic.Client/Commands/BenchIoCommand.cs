using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench io</c>: writes an ER_PRS_F-shaped Parquet file of generated claims, then times a full scan
/// of it by <see cref="Ingestion.Tables.SndsTableReader"/> and by DuckDB (in-process) computing the same aggregate.
/// </summary>
internal static class BenchIoCommand
{
    private const int TimedRuns = 3;

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the generated ER_PRS_F file.", DefaultValueFactory = _ => 10_000_000 };
        var dir = new Option<string?>("--dir") { Description = "Folder for the generated file (default: a temporary folder)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the generated file." };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated data.", DefaultValueFactory = _ => 20_240_101 };
        var command = new Command("io", "Write a generated ER_PRS_F Parquet file, then time a full scan by Open Chronic's reader and by DuckDB.")
        {
            rows, dir, keep, seed,
        };
        command.SetAction(parse => Run(parse.GetValue(rows), parse.GetValue(dir), parse.GetValue(keep), parse.GetValue(seed), AnsiConsole.Console));
        return command;
    }

    internal static int Run(int rows, string? dir, bool keep, int seed, IAnsiConsole console)
    {
        if (rows < 1)
        {
            console.MarkupLine("[red]--rows must be at least 1.[/]");
            return 2;
        }

        var folder = dir ?? Path.Combine(Path.GetTempPath(), $"openchronic-bench-{Environment.ProcessId}");
        var path = Path.Combine(folder, $"ER_PRS_F_{rows}.parquet");
        try
        {
            var write = Stopwatch.StartNew();
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Writing {rows:N0} rows", maxValue: rows);
                BenchIoData.Write(path, rows, seed, done => task.Value = done);
            });
            write.Stop();
            var size = new FileInfo(path).Length;
            console.MarkupLineInterpolated($"Wrote [bold]{path}[/]: {size / 1048576.0:N1} MiB, {BenchIoData.Columns.Length} columns, in {write.Elapsed.TotalSeconds:N1} s.");

            var ours = Time(() => BenchIoScan.WithSndsTableReader(path));
            var duck = Time(() => BenchIoScan.WithDuckDb(path));
            Report(console, rows, ours, duck);
            return ours.Checksum.Matches(duck.Checksum) ? 0 : 1;
        }
        finally
        {
            if (!keep && File.Exists(path))
            {
                File.Delete(path);
                if (dir is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>One warm-up run (fills the OS cache), then <see cref="TimedRuns"/> timed runs.</summary>
    /// <remarks>
    /// Also measures the process CPU time of each run (both engines run in this process): on a machine shared
    /// with other jobs, CPU seconds per scan are steadier than wall-clock seconds.
    /// </remarks>
    private static Timing Time(Func<BenchIoChecksum> scan)
    {
        var checksum = scan();
        var seconds = new double[TimedRuns];
        var cpu = new double[TimedRuns];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < TimedRuns; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var again = scan();
            seconds[i] = watch.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            if (!again.Matches(checksum))
            {
                throw new InvalidOperationException("A scan gave another aggregate than the previous one.");
            }
        }

        System.Array.Sort(seconds);
        System.Array.Sort(cpu);
        return new Timing(checksum, seconds[0], seconds[TimedRuns / 2], cpu[TimedRuns / 2]);
    }

    private static void Report(IAnsiConsole console, int rows, Timing ours, Timing duck)
    {
        static string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        static string S(double v) => v.ToString("N3", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("engine", "best (s)", "median (s)", "rows/s (best)", "rows/s (median)", "CPU s (median)");
        table.AddRow("Open Chronic SndsTableReader", S(ours.Best), S(ours.Median), N(rows / ours.Best), N(rows / ours.Median), S(ours.MedianCpu));
        table.AddRow("DuckDB read_parquet", S(duck.Best), S(duck.Median), N(rows / duck.Best), N(rows / duck.Median), S(duck.MedianCpu));
        console.Write(table);
        console.MarkupLineInterpolated($"Aggregate, ours:   {ours.Checksum}");
        console.MarkupLineInterpolated($"Aggregate, DuckDB: {duck.Checksum}");
        var ratio = duck.Best / ours.Best;
        var colour = ratio >= 0.5 ? "green" : "red";
        console.MarkupLine($"ours/DuckDB throughput (best runs): [{colour}]{ratio.ToString("N2", CultureInfo.InvariantCulture)}[/] (target >= 0.5); " +
            $"median runs: {(duck.Median / ours.Median).ToString("N2", CultureInfo.InvariantCulture)}; " +
            $"CPU seconds DuckDB/ours: {(duck.MedianCpu / ours.MedianCpu).ToString("N2", CultureInfo.InvariantCulture)}");
        console.MarkupLine(ours.Checksum.Matches(duck.Checksum)
            ? "[green]Both engines computed the same aggregate.[/]"
            : "[red]The engines disagree on the aggregate.[/]");
        console.MarkupLine($"Machine: {Environment.ProcessorCount} logical cores, {Markup.Escape(System.Runtime.InteropServices.RuntimeInformation.OSDescription)}, .NET {Environment.Version}.");
    }

    private sealed record Timing(BenchIoChecksum Checksum, double Best, double Median, double MedianCpu);
}
