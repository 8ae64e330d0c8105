using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench reference</c>: the grid side by side with the DuckDB reference implementation on one synthetic
/// extract, every scenario measured in the same run (see <see cref="BenchReferenceRun"/>); prints both engines' times
/// and their ratio, and with <c>--markdown</c> writes them, with the machine and the command, to a Markdown file.
/// </summary>
internal static class BenchReferenceCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Persons of the synthetic extract.", DefaultValueFactory = _ => 100_000 };
        var years = new Option<string>("--years") { Description = "Care years of the extract.", DefaultValueFactory = _ => "2019-2021" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the extract.", DefaultValueFactory = _ => 7UL };
        var extract = new Option<string?>("--extract") { Description = "Use this Parquet extract instead of generating one." };
        var dir = new Option<string?>("--dir") { Description = "Work folder (default: a new temporary folder, deleted at the end)." };
        var noIncremental = new Option<bool>("--no-incremental") { Description = "Skip the incremental scenario (its DuckDB recompute is a second full build: the longest part at 1,000,000 persons)." };
        var duckMemory = new Option<string?>("--duckdb-memory") { Description = "For 1,000,000 persons: DuckDB works in a database file in the work folder and spills there, builds first (default memory limit, before the grid's patients are resident), and runs the later scenarios under this memory limit, e.g. 5GB, beside the resident grid." };
        var markdown = new Option<string?>("--markdown") { Description = "Write the results to this Markdown file (e.g. docs/benchmarks/reference.md)." };
        var command = new Command("reference", "Time the grid and the DuckDB reference on the same extract: full build, incremental month, sequence measures, cohort count.")
        {
            patients, years, seed, extract, dir, noIncremental, duckMemory, markdown,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(patients), parse.GetValue(years)!, parse.GetValue(seed),
            parse.GetValue(extract), parse.GetValue(dir), new ReferenceRunOptions(!parse.GetValue(noIncremental), parse.GetValue(duckMemory)),
            parse.GetValue(markdown), AnsiConsole.Console, cancellationToken));
        return command;
    }

    private sealed record ReferenceRunOptions(bool Incremental, string? DuckMemory);

    private static async Task<int> RunAsync(int patients, string years, ulong seed, string? extract, string? dir, ReferenceRunOptions options,
        string? markdown, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!SynthCommand.TryParseYears(years, out var first, out var last) || last < first)
        {
            console.MarkupLineInterpolated($"[red]--years must look like 2019-2021 (got '{years}').[/]");
            return 2;
        }

        var work = dir ?? Path.Combine(Path.GetTempPath(), "openchronic-bench-reference-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var given = extract;
            if (extract is null)
            {
                extract = Path.Combine(work, "extract");
                if (SynthCommand.Run(patients, years, seed, "parquet", extract, 0.0, false, console, cancellationToken) != 0)
                {
                    return 1;
                }
            }

            var yearList = Enumerable.Range(first, last - first + 1).ToArray();
            var loadBefore = BenchBuildCommand.LoadAverage();
            var started = DateTime.UtcNow;
            var run = new BenchReferenceRun(work, yearList, "bench-reference", console, options.Incremental, options.DuckMemory);
            var scenarios = await run.RunAsync(Path.GetFullPath(extract), cancellationToken);
            var machine = new RunConditions(started, DateTime.UtcNow, loadBefore, BenchBuildCommand.LoadAverage());
            Show(console, scenarios);
            if (markdown is not null)
            {
                var (commandLine, data) = given is null
                    ? ($"openchronic bench reference --patients {patients} --years {years} --seed {seed}", $"{patients:N0} synthetic persons × {years}")
                    : ($"openchronic bench reference --extract {given} --years {years}", $"the extract {given}, years {years}");
                commandLine += (options.Incremental ? "" : " --no-incremental") + (options.DuckMemory is null ? "" : $" --duckdb-memory {options.DuckMemory}");
                File.WriteAllText(markdown, Markdown(scenarios, commandLine, data, machine));
                console.MarkupLineInterpolated($"Results written to [bold]{markdown}[/].");
            }

            return 0;
        }
        finally
        {
            if (dir is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static void Show(IAnsiConsole console, IReadOnlyList<BenchScenario> scenarios)
    {
        var table = new Table().Title("Grid vs DuckDB reference (one run)").AddColumns("scenario", "grid s", "DuckDB s", "grid/DuckDB", "target");
        foreach (var s in scenarios)
        {
            table.AddRow(Markup.Escape(s.Name), F(s.GridSeconds, "F2"), F(s.DuckSeconds, "F2"), $"[{(s.Met ? "green" : "red")}]{F(s.Ratio, "F2")}[/]", $"≤ {F(s.TargetRatio, "F1")}");
        }

        console.Write(table);
        foreach (var s in scenarios)
        {
            console.MarkupLineInterpolated($"[grey]{s.Name}: {s.Detail}[/]");
        }
    }

    private sealed record RunConditions(DateTime Started, DateTime Ended, double LoadBefore, double LoadAfter);

    private static string Markdown(IReadOnlyList<BenchScenario> scenarios, string commandLine, string data, RunConditions run)
    {
        var gc = GC.GetGCMemoryInfo();
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var text = new StringBuilder();
        text.AppendLine("# Open Chronic grid vs DuckDB reference").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {run.Started:yyyy-MM-dd HH:mm}–{run.Ended:HH:mm} UTC on {data}, all scenarios in one run of")
            .AppendLine().AppendLine("```").AppendLine(commandLine).AppendLine("```").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical cores, {gc.TotalAvailableMemoryBytes / (1L << 30)} GiB visible to .NET, " +
                $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, DuckDB in process through DuckDB.NET. " +
                $"1-minute load average {F(run.LoadBefore, "F1")} at the start, {F(run.LoadAfter, "F1")} at the end; peak working set of the process {self.PeakWorkingSet64 / (1L << 20):N0} MiB.")
            .AppendLine().AppendLine("Ratio = grid time / DuckDB time (lower is better for the grid); the target is on the elapsed ratio, CPU seconds (user + system, every thread) are given beside it.").AppendLine()
            .AppendLine("| scenario | grid (s) | DuckDB (s) | grid / DuckDB | grid CPU s | DuckDB CPU s | CPU ratio | target | met |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in scenarios)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {F(s.GridSeconds, "F2")} | {F(s.DuckSeconds, "F2")} | {F(s.Ratio, "F2")} | {Cpu(s.GridCpuSeconds)} | {Cpu(s.DuckCpuSeconds)} | {(double.IsNaN(s.CpuRatio) ? "" : F(s.CpuRatio, "F2"))} | ≤ {F(s.TargetRatio, "F1")} | {(s.Met ? "yes" : $"no ({F(s.Ratio / s.TargetRatio, "F1")}× over)")} |");
        }

        text.AppendLine().AppendLine("What each figure covers:").AppendLine();
        foreach (var s in scenarios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{s.Name}**: {s.Detail}.");
        }

        return text.ToString();
    }

    private static string Cpu(double seconds) => seconds > 0 ? F(seconds, "F2") : "";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
