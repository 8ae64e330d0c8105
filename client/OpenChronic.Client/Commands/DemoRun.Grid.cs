using System.Text.Json;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// The demo's stages after the build, all on one grid (the built database loaded once): each calls the core of its
/// command (cohort create, calibrate --cohort, predict, coordination, variability) and keeps the aggregates it returns.
/// </summary>
internal sealed partial class DemoRun
{
    /// <summary>The example cohorts of the library (docs/cohorts.md).</summary>
    public static readonly string[] ExampleCohorts = ["diabetes", "heart_failure", "coronary"];

    /// <summary>Variability indicators compared between départements.</summary>
    public static readonly string[] Indicators = ["hba1c_monitoring_rate", "statin_coronary", "readmission_30d"];

    /// <summary>Prediction target and learners: entry into any ALD, a logistic regression and LightGBM (fast at 20,000 persons).</summary>
    public const string PredictionTarget = "ald:any";

    public const string PredictionModels = "glm,lightgbm";

    public async Task<int> CohortsAsync(DatabaseSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var code = 0;
        foreach (var name in ExampleCohorts)
        {
            var exit = await CohortCommand.CreateOnGridAsync(session.Grains, session.Directory, name, Releases, Console);
            if (exit == 0 && CohortRecords.Read(Releases, name).Record is { } record)
            {
                Cohorts.Add(record);
            }

            code = Math.Max(code, exit);
        }

        return code;
    }

    public async Task<int> CalibrateAsync(DatabaseSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Cohorts.Count == 0)
        {
            Console.MarkupLine("[red]No cohort was created: nothing to calibrate.[/]");
            return 1;
        }

        var code = 0;
        foreach (var cohort in Cohorts)
        {
            Console.MarkupLineInterpolated($"[bold]{cohort.Name}[/]: calibrating and publishing the next release through the cohort grain…");
            var settings = new CalibrateCommand.Settings(null, null, null, null, ';', new CalibrationTarget(), null, Seed, 67_000_000, null, cohort.Name,
                "calibrate", 1.0, Releases, session.Directory, "default");
            var before = CohortRecords.Releases(Releases, cohort.Name).Length;
            var exit = await CalibrateCommand.CalibrateOnGridAsync(session.Grains, settings, ReleasePolicy.DefaultText, [], Console, CancellationToken);
            var releases = CohortRecords.Releases(Releases, cohort.Name);
            if (exit == 0 && releases.Length > before)
            {
                var directory = releases[^1].Directory;
                var manifest = JsonSerializer.Deserialize<ReleaseManifest>(
                    await File.ReadAllTextAsync(Path.Combine(directory, ReleaseManifest.FileName), CancellationToken), ReleasePolicy.JsonOptions);
                ReleaseResults.Add(new DemoReleaseResult(cohort.Name, manifest, directory, null));
            }
            else if (exit == 1)
            {
                // A refusal is the calibration working (a small cohort cannot meet the risk target): recorded, not a failure.
                ReleaseResults.Add(new DemoReleaseResult(cohort.Name, null, null, "refused: no explored policy meets the risk target (calibration table in the console)"));
            }
            else
            {
                ReleaseResults.Add(new DemoReleaseResult(cohort.Name, null, null, $"calibration failed (exit code {exit})"));
                code = Math.Max(code, exit);
            }
        }

        if (ReleaseResults.All(r => r.Manifest is null))
        {
            Console.MarkupLine("[red]No cohort could be released.[/]");
            code = Math.Max(code, 1);
        }

        return code;
    }

    public async Task<int> PredictAsync(DatabaseSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var indexYear = session.Years.Max() - 1;
        var parsed = PredictCommand.Parse(PredictionTarget, $"{indexYear:D4}-01-01", 365, 365, PredictionModels, Console);
        if (parsed is not var (task, learners))
        {
            return 2;
        }

        var run = new PredictRun(session.Directory, task, learners, PredictionDirectory, null, null, (int)(Seed % int.MaxValue), Bench: false);
        var (code, reports) = await run.ExecuteOnGridAsync(session.Grains, session.Years, session.Patients, TimeSpan.Zero, null, Console, CancellationToken);
        if (code == 0 && reports.Count > 0)
        {
            Prediction = new DemoPredictionResult(PredictionTarget, indexYear, reports, PredictionDirectory);
        }

        return code;
    }

    public async Task<int> CoordinateAsync(DatabaseSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        const string cohort = "heart_failure";
        var args = new CoordinationArguments(session.Directory, cohort, null, "departement", CoordinationDirectory, MinCell, 2, "I50", 30, null, null);
        var (code, year, territories) = await CoordinationCommand.RunOnGridAsync(session.Grains, session.Years, session.Patients, args, cohort, ["I50"],
            Console, CancellationToken);
        if (code == 0 && territories is not null)
        {
            Coordination = new DemoCoordinationResult(cohort, year, territories, CoordinationDirectory);
        }

        return code;
    }

    public async Task<int> VariabilityAsync(DatabaseSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var code = 0;
        foreach (var id in Indicators)
        {
            var indicator = IndicatorCatalogue.Default.Find(id)!;
            var (exit, year, report, released, files) = await VariabilityCommand.RunOnGridAsync(session.Grains, session.Years, indicator, UnitLevel.Departement,
                null, VariabilityDirectory, MinCell, null, Console, CancellationToken);
            if (exit == 0 && report is not null)
            {
                Variability.Add(new DemoVariabilityResult(indicator, year, report, released, files));
            }

            code = Math.Max(code, exit);
        }

        return code;
    }
}
