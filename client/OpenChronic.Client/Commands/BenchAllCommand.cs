using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench all --out BENCHMARKS.md</c>: one command that regenerates the benchmark file of issues #4 and #5.
/// It runs <c>bench build</c> (generates or reuses the extract, reads it without the grid, builds on the grid) and then
/// every <c>bench reference</c> scenario on the same extract, and writes both engines' figures side by side with the
/// machine, the command, the date and the load average (<see cref="BenchAllMarkdown"/>).
/// </summary>
internal static class BenchAllCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Generated persons.", DefaultValueFactory = _ => 100_000 };
        var years = new Option<string>("--years") { Description = "Care years, e.g. 2019-2021.", DefaultValueFactory = _ => "2019-2021" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated extract.", DefaultValueFactory = _ => 7UL };
        var dir = new Option<string?>("--dir") { Description = "Work folder; the extract is kept there and reused by the next run." };
        var output = new Option<string>("--out") { Description = "The Markdown file to write.", DefaultValueFactory = _ => "BENCHMARKS.md" };
        var command = new Command("all", "Run the build and reference benchmarks on one extract and write BENCHMARKS.md.")
        {
            patients, years, seed, dir, output,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(patients), parse.GetValue(years)!, parse.GetValue(seed),
            parse.GetValue(dir), parse.GetValue(output)!, AnsiConsole.Console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int patients, string years, ulong seed, string? dir, string output, IAnsiConsole console,
        CancellationToken cancellationToken)
    {
        if (patients < 1 || !SynthCommand.TryParseYears(years, out var first, out var last) || last < first)
        {
            console.MarkupLine("[red]--patients must be at least 1 and --years look like 2019-2021.[/]");
            return 2;
        }

        var folder = Path.GetFullPath(dir ?? Path.Combine(Path.GetTempPath(), "openchronic-bench-all"));
        var started = DateTime.UtcNow;
        var loadBefore = BenchBuildCommand.LoadAverage();

        // 1. The build alone (issue #4): stages, CPU seconds, memory. It leaves the extract in the folder for step 2.
        if (await BenchBuildCommand.RunAsync(patients, years, seed, folder, keep: true, console, cancellationToken) != 0)
        {
            return 1;
        }

        var build = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(folder, "bench-build.json"), cancellationToken),
            BenchBuildJson.Default.BenchBuildResult) ?? throw new InvalidDataException("bench-build.json is empty.");
        var extract = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"extract-{patients}-{first}-{last}-{seed}"));

        // 2. The grid and DuckDB side by side (issue #5), on the same extract, in a fresh work folder.
        var work = Path.Combine(folder, "reference");
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var run = new BenchReferenceRun(work, [.. Enumerable.Range(first, last - first + 1)], "bench-reference", console);
        var scenarios = await run.RunAsync(extract, cancellationToken);
        var loadAfter = BenchBuildCommand.LoadAverage();

        var commandLine = string.Create(CultureInfo.InvariantCulture,
            $"openchronic bench all --patients {patients} --years {years} --seed {seed} --out {Path.GetFileName(output)}");
        var text = BenchAllMarkdown.Write(new BenchAllRun(commandLine, started, DateTime.UtcNow, loadBefore, loadAfter, build, scenarios));
        await File.WriteAllTextAsync(output, text, cancellationToken);
        console.MarkupLineInterpolated($"Benchmarks written to [bold]{output}[/].");
        return 0;
    }
}
