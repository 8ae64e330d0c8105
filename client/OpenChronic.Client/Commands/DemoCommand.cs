using System.CommandLine;
using System.Text.Json;
using OpenChronic.Client.Grid;
using OpenChronic.Client.Report;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic demo</c>: the whole of Open Chronic on the embedded default, on a freshly generated synthetic extract:
/// generate, validate, build, then on one grid (the built database loaded once) the three example cohorts, their
/// calibrated releases, prediction, coordination and variability, and the HTML report. Writes <c>summary.json</c>
/// with the key figures of the run; a failing stage is reported, the others that do not depend on it still run, and
/// the exit code is then 1.
/// </summary>
internal static class DemoCommand
{
    private const string DemoKey = "openchronic-demo-key (synthetic data only)";
    private const string Years = "2019-2021";

    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Number of synthetic persons.", DefaultValueFactory = _ => 20_000 };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => "openchronic-demo" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic extract, the calibration and the learners.", DefaultValueFactory = _ => 1UL };
        var command = new Command("demo", "Run Open Chronic end to end on a generated extract (embedded default): build, cohorts, releases, analyses, HTML report.")
        {
            patients, output, seed,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(patients), parse.GetValue(output)!, parse.GetValue(seed), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(int patients, string output, ulong seed, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (patients < 1)
        {
            console.MarkupLine("[red]--patients must be at least 1.[/]");
            return 2;
        }

        var run = new DemoRun(Path.GetFullPath(output), patients, seed, Years, console, cancellationToken) { PlannedStages = 10 };
        console.Write(new Rule("[bold]Open Chronic demo[/]").LeftJustified());
        console.MarkupLineInterpolated($"{patients:N0} synthetic persons, {Years}, seed {seed}, output in [bold]{run.Root}[/]");
        if (Directory.Exists(run.Releases))
        {
            // Releases of a previous demo in the same folder were made on another database: start the cohorts afresh.
            Directory.Delete(run.Releases, recursive: true);
        }

        if (!await run.StageAsync("generate a synthetic SNDS extract", () =>
                Task.FromResult(SynthCommand.Run(patients, Years, seed, "parquet", run.Extract, 0, stats: false, console, cancellationToken)))
            || !await run.StageAsync("validate the extract", () =>
                Task.FromResult(ValidateCommand.Run(run.Extract, Path.Combine(run.Root, "validation-report.json"), console, cancellationToken)))

            // The demo's fixed key makes its pseudonyms reproducible; real builds take their own secret.
            || !await run.StageAsync("build the Open Chronic database on the embedded grid", () =>
                BuildCommand.RunAsync(run.Extract, run.Database, DemoKey, null, console, cancellationToken)))
        {
            return run.Finish();
        }

        run.Build = PathwayReport.ReadBuild(run.Database);
        DatabaseSession? session = null;
        try
        {
            if (!await run.StageAsync("load the database into one grid for every later stage", async () =>
            {
                session = await DatabaseSession.OpenAsync(run.Database, console, cancellationToken);
                (run.Persons, run.Events) = (session.Patients, session.Events);
                return 0;
            }))
            {
                return run.Finish();
            }

            await GridStagesAsync(run, session!);
            return run.Finish();
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
    }

    private static async Task GridStagesAsync(DemoRun run, DatabaseSession session)
    {
        var cohorts = await run.StageAsync("create the example cohorts (diabetes, heart failure, coronary disease)", () => run.CohortsAsync(session));
        if (cohorts || run.Cohorts.Count > 0)
        {
            await run.StageAsync("calibrate and publish a release of each cohort", () => run.CalibrateAsync(session));
        }

        await run.StageAsync($"prediction: {DemoRun.PredictionTarget} with {DemoRun.PredictionModels} (train on a year, test on the next)",
            () => run.PredictAsync(session));
        await run.StageAsync("coordination: heart-failure cohort by département", () => run.CoordinateAsync(session));
        await run.StageAsync($"variability: {string.Join(", ", DemoRun.Indicators)} by département", () => run.VariabilityAsync(session));
        await run.StageAsync("write the HTML report", async () =>
        {
            var report = await ReportCommand.PathwaysAsync(session.Grains, session.Manifest, session.Directory, session.Patients, session.Events,
                DemoRun.MinCell, run.Console, r => DemoReport.Cohorts(r, run));
            DemoReport.Analyses(report, run);
            var path = Path.Combine(run.Root, "report.html");
            await File.WriteAllTextAsync(path, report.Build(), run.CancellationToken);
            run.Console.MarkupLineInterpolated($"Report with {report.Figures} figures written to [bold]{path}[/].");
            return 0;
        });
    }

    /// <summary>Reads the summary a demo wrote (for tests and tools).</summary>
    internal static DemoSummary? ReadSummary(string root) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(root, "summary.json")), DemoJson.Default.DemoSummary);
}
