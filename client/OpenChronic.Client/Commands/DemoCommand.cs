using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic demo</c>: the whole of Open Chronic on the embedded default, one stage after the other, on a
/// freshly generated synthetic extract. Writes <c>summary.json</c> with the key figures of the run.
/// </summary>
internal static class DemoCommand
{
    private const string DemoKey = "openchronic-demo-key (synthetic data only)";

    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Number of synthetic persons.", DefaultValueFactory = _ => 20_000 };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "openchronic-demo" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic extract.", DefaultValueFactory = _ => 1UL };
        var command = new Command("demo", "Run Open Chronic end to end on a generated extract (embedded default).") { patients, output, seed };
        command.SetAction((parse, cancellationToken) => Task.FromResult(
            Run(parse.GetValue(patients), parse.GetValue(output)!, parse.GetValue(seed), AnsiConsole.Console, cancellationToken)));
        return command;
    }

    internal static int Run(int patients, string output, ulong seed, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(output);
        var extract = Path.Combine(root, "extract");
        var stages = new List<StageResult>();
        console.Write(new Rule("[bold]Open Chronic demo[/]").LeftJustified());
        console.MarkupLineInterpolated($"{patients:N0} synthetic persons, 2019–2021, seed {seed}, output in [bold]{root}[/]");

        if (!Stage(console, stages, "1. generate a synthetic SNDS extract", () =>
                SynthCommand.Run(patients, "2019-2021", seed, "parquet", extract, 0, stats: false, console, cancellationToken)))
        {
            return Finish(console, root, patients, seed, stages, 1);
        }

        if (!Stage(console, stages, "2. validate the extract", () =>
                ValidateCommand.Run(extract, Path.Combine(root, "validation-report.json"), console, cancellationToken)))
        {
            return Finish(console, root, patients, seed, stages, 1);
        }

        // The demo's fixed key makes its pseudonyms reproducible; real builds take their own secret.
        if (!Stage(console, stages, "3. build the Open Chronic database on the embedded grid", () =>
                BuildCommand.RunAsync(extract, Path.Combine(root, "database"), DemoKey, null, console, cancellationToken).GetAwaiter().GetResult()))
        {
            return Finish(console, root, patients, seed, stages, 1);
        }

        if (!Stage(console, stages, "4. write the HTML report", () =>
                ReportCommand.RunAsync(Path.Combine(root, "database"), Path.Combine(root, "report.html"), 11, console, cancellationToken).GetAwaiter().GetResult()))
        {
            return Finish(console, root, patients, seed, stages, 1);
        }

        return Finish(console, root, patients, seed, stages, 0);
    }

    private static bool Stage(IAnsiConsole console, List<StageResult> stages, string name, Func<int> run)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(name)}[/]").LeftJustified());
        var clock = Stopwatch.StartNew();
        var exitCode = run();
        stages.Add(new StageResult(name, exitCode, Math.Round(clock.Elapsed.TotalSeconds, 2)));
        if (exitCode != 0)
        {
            console.MarkupLineInterpolated($"[red]{name} failed (exit code {exitCode}); the demo stops here.[/]");
        }

        return exitCode == 0;
    }

    private static int Finish(IAnsiConsole console, string root, int patients, ulong seed, List<StageResult> stages, int exitCode)
    {
        Directory.CreateDirectory(root);
        var summary = new DemoSummary(patients, seed, "2019-2021", stages, exitCode == 0);
        var path = Path.Combine(root, "summary.json");
        File.WriteAllText(path, JsonSerializer.Serialize(summary, DemoJson.Default.DemoSummary));
        var table = new Table().AddColumns("stage", "exit code", "seconds");
        foreach (var s in stages)
        {
            table.AddRow(Markup.Escape(s.Name), s.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"Summary written to [bold]{path}[/].");
        return exitCode;
    }
}
