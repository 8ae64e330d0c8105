using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Analytics.Prediction.Evaluation;
using OpenChronic.Analytics.Variability;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Domain.Releases;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// One <c>openchronic demo</c> run: its folders, the stages run so far with their times, and what each stage produced
/// (aggregates only) for the report and <c>summary.json</c>. The grid stages are in <c>DemoRun.Grid.cs</c>.
/// </summary>
internal sealed partial class DemoRun(string root, int patients, ulong seed, string years, IAnsiConsole console, CancellationToken cancellationToken)
{
    /// <summary>Minimum cell size (distinct persons) of everything the demo shows.</summary>
    public const int MinCell = 11;

    private readonly List<StageResult> _stages = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private int _stageNumber;

    public string Root { get; } = root;

    public string Extract => Path.Combine(Root, "extract");

    public string Database => Path.Combine(Root, "database");

    public string Releases => Path.Combine(Root, "releases");

    public string PredictionDirectory => Path.Combine(Root, "prediction");

    public string CoordinationDirectory => Path.Combine(Root, "coordination");

    public string VariabilityDirectory => Path.Combine(Root, "variability");

    public int Patients { get; } = patients;

    public ulong Seed { get; } = seed;

    public string Years { get; } = years;

    public IAnsiConsole Console { get; } = console;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Stages planned in all, for the "[n/N]" progress of the stage rules.</summary>
    public int PlannedStages { get; init; }

    public IReadOnlyList<StageResult> Stages => _stages;

    public bool Failed => _stages.Any(s => s.ExitCode != 0);

    public BuildReport? Build { get; set; }

    public long Persons { get; set; }

    public long Events { get; set; }

    public List<CohortRecord> Cohorts { get; } = [];

    public List<DemoReleaseResult> ReleaseResults { get; } = [];

    public DemoPredictionResult? Prediction { get; set; }

    public DemoCoordinationResult? Coordination { get; set; }

    public List<DemoVariabilityResult> Variability { get; } = [];

    /// <summary>Runs a stage under a numbered rule, times it and records its exit code; false when it failed.</summary>
    public async Task<bool> StageAsync(string name, Func<Task<int>> run)
    {
        _stageNumber++;
        Console.Write(new Rule(string.Create(CultureInfo.InvariantCulture, $"[bold][[{_stageNumber}/{PlannedStages}]] {Markup.Escape(name)}[/]")).LeftJustified());
        var clock = Stopwatch.StartNew();
        int exitCode;
        try
        {
            exitCode = await run();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or JsonException or ArgumentException
            or DatabaseFormatException)
        {
            // A stage that throws is a failed stage: the demo reports it and goes on with what does not depend on it.
            Console.MarkupLineInterpolated($"[red]{name}: {e.GetType().Name}: {e.Message}[/]");
            exitCode = 1;
        }

        _stages.Add(new StageResult(name, exitCode, Math.Round(clock.Elapsed.TotalSeconds, 2)));
        if (exitCode == 0)
        {
            Console.MarkupLineInterpolated($"[green]✓ {name}[/] [grey]({clock.Elapsed.TotalSeconds:F1} s; {_total.Elapsed.TotalSeconds:F0} s since the start)[/]");
        }
        else
        {
            Console.MarkupLineInterpolated($"[red]✗ {name} failed (exit code {exitCode}).[/]");
        }

        return exitCode == 0;
    }

    /// <summary>Writes <c>summary.json</c>, prints the stage table and returns the demo's exit code (0 only when every stage succeeded).</summary>
    public int Finish()
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, "summary.json");
        File.WriteAllText(path, JsonSerializer.Serialize(Summary(), DemoJson.Default.DemoSummary));
        var table = new Table().AddColumns("stage", "exit code", "seconds");
        foreach (var s in _stages)
        {
            table.AddRow(Markup.Escape(s.Name), s.ExitCode.ToString(CultureInfo.InvariantCulture), s.Seconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        Console.Write(table);
        Console.MarkupLineInterpolated($"Total {_total.Elapsed.TotalSeconds:F1} s. Summary written to [bold]{path}[/].");
        if (Failed)
        {
            Console.MarkupLine("[red]Some stages failed: the summary and report keep what succeeded.[/]");
        }

        return Failed ? 1 : 0;
    }

    public DemoSummary Summary()
    {
        var data = Build is { } b ? new DemoData(Persons, Events, b.SourceRows, b.RejectedRows) : Persons > 0 ? new DemoData(Persons, Events, 0, 0) : null;
        return new DemoSummary(Patients, Seed, Years, !Failed, Math.Round(_total.Elapsed.TotalSeconds, 2), _stages, data,
            [.. Cohorts.Select(c => new DemoCohort(c.Name, c.Label, c.Attrition.IsDefaultOrEmpty ? c.Persons : c.Attrition[^1].Remaining))],
            [.. ReleaseResults.Select(r => r.ToSummary())],
            Prediction?.ToSummary(), Coordination?.ToSummary(), [.. Variability.Select(v => v.ToSummary())]);
    }
}

/// <summary>A cohort's calibrated release (its manifest and directory), or why there is none.</summary>
internal sealed record DemoReleaseResult(string Cohort, ReleaseManifest? Manifest, string? Directory, string? Refusal)
{
    public DemoRelease ToSummary() => Manifest is { } m
        ? new DemoRelease(Cohort, m.Release, m.Policy.Name, m.Achieved.K, m.Achieved.DistinctL, m.Achieved.EntropyL, m.Achieved.KmSupport, m.Achieved.KmM,
            m.PublishedRecords, m.SuppressedRecords, 1 - m.Utility.Loss, m.MeasuredRisks.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal), null)
        : new DemoRelease(Cohort, null, null, null, null, null, null, null, null, null, null, new Dictionary<string, double>(), Refusal);
}

/// <summary>The prediction stage's target, years and model reports (aggregates), and the folder of its figures.</summary>
internal sealed record DemoPredictionResult(string Target, int TrainYear, IReadOnlyList<ModelReport> Reports, string Directory)
{
    public DemoPrediction ToSummary()
    {
        var best = Reports.MaxBy(r => r.Test.Auroc.Auc)!;
        return new DemoPrediction(Target, TrainYear, TrainYear + 1,
            [.. Reports.Select(r => new DemoModel(r.Name, r.Test.Auroc.Auc, r.Test.Auroc.Low, r.Test.Auroc.High, r.Test.Auprc, r.Test.Brier.Brier, r.Test.Weak.Slope))],
            best.Name, best.Test.Auroc.Auc);
    }
}

/// <summary>The coordination stage's merged territories (aggregates) and the folder of its gated tables and figures.</summary>
internal sealed record DemoCoordinationResult(string Cohort, int Year, SortedDictionary<string, CoordinationTerritory> Territories, string Directory)
{
    public CoordinationTally National => CoordinationGridQuery.National(Territories.Values);

    public DemoCoordination ToSummary()
    {
        var n = National;
        var stays = n[CoordinationCount.Stays];
        return new DemoCoordination(Cohort, Year, Territories.Count, n[CoordinationCount.Persons], stays,
            n.Quantile(CoordinationMeasure.Coc, 0.5), n.Quantile(CoordinationMeasure.UpcMostSeenGp, 0.5), n.Quantile(CoordinationMeasure.GpUpc, 0.5),
            stays > 0 ? n[CoordinationCount.GpWithin7] / (double)stays : null, stays > 0 ? n[CoordinationCount.GpWithin30] / (double)stays : null);
    }
}

/// <summary>One variability indicator's analysis and released rows, and the files written.</summary>
internal sealed record DemoVariabilityResult(IndicatorDefinition Indicator, int Year, VariabilityReport Report, IReadOnlyList<ReleasedUnit> Released,
    IReadOnlyList<string> Files)
{
    public DemoVariability ToSummary() => new(Indicator.Id, Year, "departement", Report.Units.Length,
        Report.Units.Count(u => u.ExactFlag is FunnelPosition.High998 or FunnelPosition.Low998),
        Report.Units.Count(u => u.AdjustedFlag is FunnelPosition.High998 or FunnelPosition.Low998),
        double.IsFinite(Report.Phi) ? Report.Phi : null, double.IsFinite(Report.Tau2) ? Report.Tau2 : null);
}
