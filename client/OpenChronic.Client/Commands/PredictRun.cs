using System.Diagnostics;
using System.Globalization;
using OpenChronic.Analytics.Prediction;
using OpenChronic.Analytics.Prediction.Evaluation;
using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Models;
using OpenChronic.Client.Grid;
using OpenChronic.Grains;
using OpenChronic.Grains.Prediction;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>One <c>predict</c> (or <c>bench predict</c>) run: load, extract on the grid, train, evaluate, write.</summary>
internal sealed record PredictRun(string Db, PredictionTask Task, string[] Learners, string Output, string? Truth, string? Secret, int Seed, bool Bench,
    bool SplitByRegion, double HeldOutShare = 0, int Folds = 3, RecalibrationMethod Recalibration = RecalibrationMethod.Simex)
{
    /// <summary>Share of the training year's rows (whole régions) tested on in the split by region.</summary>
    public const double RegionTestShare = 1 / 3.0;

    /// <summary>A feature column is kept when it is non-zero in at least this many training rows.</summary>
    public const int MinimumColumnRows = 20;

    public static readonly string[] KnownLearners = ["glm", "rf", "gbm", "lightgbm", "gru"];

    public async Task<int> ExecuteAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var truth = ReadTruth(console);
            var clock = Stopwatch.StartNew();
            Extraction? extraction;
            long patients;
            TimeSpan loadTime;
            var session = await DatabaseSession.OpenAsync(Db, console, cancellationToken);
            try
            {
                (loadTime, patients) = (clock.Elapsed, session.Patients);
                extraction = await ExtractOnGridAsync(session.Grains, session.Years, truth, console, cancellationToken);
            }
            finally
            {
                // The grid (every patient resident) stops before training: at 1,000,000 persons the loaded grid and
                // the training sets do not fit in memory together.
                await session.DisposeAsync();

                // And hands the grid's heap back to the system: without it the garbage collector keeps the freed
                // memory committed and the training's own data comes on top of it (1,000,000 persons with the
                // folds trained two at a time: 21.4 GB peak, the whole machine being 24 GB).
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            return extraction is null ? 2 : Analyse(extraction, patients, loadTime, truth is not null, console).Code;
        }
        catch (Exception e) when (e is DatabaseFormatException or IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    /// <summary>
    /// The run on an already-loaded grid (the demo's): extract, train, evaluate, write. Returns the exit code and the
    /// model reports (aggregates only; empty when the run stopped early).
    /// </summary>
    public async Task<(int Code, IReadOnlyList<ModelReport> Reports)> ExecuteOnGridAsync(IGrainFactory grains, int[] years, long patients, TimeSpan loadTime,
        (Dictionary<long, Dictionary<Guid, TruthReference>> Train, Dictionary<long, Dictionary<Guid, TruthReference>> Test)? truth, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(years);
        try
        {
            var extraction = await ExtractOnGridAsync(grains, years, truth, console, cancellationToken);
            return extraction is null ? (2, []) : Analyse(extraction, patients, loadTime, truth is not null, console);
        }
        catch (Exception e) when (e is DatabaseFormatException or IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return (1, []);
        }
    }

    // The two index years' feature blocks from the 64 partitions; null (after saying why) when the database lacks a year.
    private async Task<Extraction?> ExtractOnGridAsync(IGrainFactory grains, int[] years,
        (Dictionary<long, Dictionary<Guid, TruthReference>> Train, Dictionary<long, Dictionary<Guid, TruthReference>> Test)? truth, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (!years.Contains(Task.IndexYear) || !years.Contains(Task.IndexYear + 1))
        {
            console.MarkupLineInterpolated($"[red]The database covers {string.Join(", ", years)}; index {Task.IndexYear} needs {Task.IndexYear} and {Task.IndexYear + 1} (outcomes of the training and test years).[/]");
            return null;
        }

        if (!years.Contains(Task.IndexYear - 1))
        {
            console.MarkupLineInterpolated($"[yellow]The database has no year {Task.IndexYear - 1}: training features have no lookback.[/]");
        }

        var clock = Stopwatch.StartNew();
        var (trainBlocks, trainAttrition) = await ExtractAsync(grains, Task, truth?.Train, cancellationToken);
        var (testBlocks, testAttrition) = await ExtractAsync(grains, Task.NextYear(), truth?.Test, cancellationToken);
        return new Extraction(trainBlocks, testBlocks, trainAttrition, testAttrition, clock.Elapsed);
    }

    // After extraction: no await from here, and the extraction's block arrays are emptied as they are stacked, so the
    // partition blocks are released one by one.
    private (int Code, IReadOnlyList<ModelReport> Reports) Analyse(Extraction extraction, long persons, TimeSpan loadTime, bool withTruth, IAnsiConsole console)
    {
        // Département columns are kept whatever their frequency: the split by region reads them.
        var names = FeatureBlock.FrequentNames([.. extraction.Train.Select(b => b!)], MinimumColumnRows, SplitByRegion ? "dep:" : null);
        var trainBlock = FeatureBlock.Stack(extraction.Train, names, release: true);
        var testBlock = FeatureBlock.Stack(extraction.Test, names, release: true);
        console.MarkupLine(Invariant($"Features: {trainBlock.Rows:N0} training rows ({trainBlock.Positives:N0} outcomes), {testBlock.Rows:N0} test rows ({testBlock.Positives:N0} outcomes), {names.Length:N0} columns, extracted in {extraction.FeatureTime.TotalSeconds:F1} s."));
        if (trainBlock.Positives < 10 || testBlock.Positives < 10)
        {
            console.MarkupLine("[red]Fewer than 10 outcomes in a year: too few to train or evaluate.[/]");
            return (1, []);
        }

        var (reference, oracle) = withTruth ? EvaluateReference(testBlock, console) : (null, null);
        var experiment = new PredictionExperiment(Seed, Folds, HeldOutShare, Recalibration);
        var reports = experiment.Run(trainBlock, testBlock, [.. Learners.Select(Learner)], line => console.MarkupLineInterpolated($"[grey]  {line}[/]"));
        var summary = new PredictionSummary(Task, persons, trainBlock.Rows, trainBlock.Positives, testBlock.Rows, testBlock.Positives,
            names.Length, extraction.TrainAttrition, extraction.TestAttrition, extraction.FeatureTime, reference, oracle);
        PredictTable.Print(Invariant($"{Task.Target}: train {Task.IndexYear}, test {Task.IndexYear + 1}"), reports, reference, console);
        var regional = SplitByRegion ? RunRegions(trainBlock, experiment, withTruth, console) : null;
        ReportWriter.Write(Output, summary, reports, regional);
        if (Bench)
        {
            PredictTable.PrintBench(persons, loadTime, extraction.FeatureTime, summary.TrainRows + summary.TestRows, reports, Environment.ProcessorCount,
                PredictTable.PeakResidentBytes(), console, regional?.Reports);
        }

        console.MarkupLineInterpolated($"Report, model cards, plots and models written to [bold]{Path.GetFullPath(Output)}[/].");
        return (0, reports);
    }

    private (Dictionary<long, Dictionary<Guid, TruthReference>> Train, Dictionary<long, Dictionary<Guid, TruthReference>> Test)? ReadTruth(IAnsiConsole console)
    {
        if (Truth is null)
        {
            return null;
        }

        if (!PredictTruth.HasConditions(Truth))
        {
            console.MarkupLine("[yellow]The truth has no conditions.parquet: no pre-clinical phase is known, the observable-signal oracle equals the true risk.[/]");
        }

        var train = PredictTruth.Read(Truth, Secret!, Task.Target, Task.IndexYear);
        var test = PredictTruth.Read(Truth, Secret!, Task.Target, Task.IndexYear + 1);
        console.MarkupLine(Invariant($"Truth: generator risks for {train.Values.Sum(m => m.Count):N0} and {test.Values.Sum(m => m.Count):N0} persons ({Task.IndexYear}, {Task.IndexYear + 1})."));
        return (train, test);
    }

    // The 64 partitions' blocks as they arrive (no copy: the embedded grid hands the immutable messages over), and the
    // summed attrition; the caller stacks them once onto the kept columns, releasing each as it is copied.
    private static async Task<(FeatureBlock?[] Blocks, int[] Attrition)> ExtractAsync(IGrainFactory grains, PredictionTask task,
        Dictionary<long, Dictionary<Guid, TruthReference>>? truth, CancellationToken cancellationToken)
    {
        var request = FeatureWire.ToRequest(task);
        var messages = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, Partitions.Count).Select(p =>
            grains.GetGrain<IPartitionFeatures>(p).ExtractFeaturesAsync(request, truth?.GetValueOrDefault(p)).AsTask().WaitAsync(cancellationToken)));
        var attrition = new int[TaskEligibility.OutcomeCount];
        foreach (var m in messages)
        {
            for (var i = 0; i < Math.Min(attrition.Length, m.Attrition.Length); i++)
            {
                attrition[i] += m.Attrition[i];
            }
        }

        return ([.. messages.Select(FeatureWire.ToBlock)], attrition);
    }

    // The split by region: the training year's rows of some régions against the others, same procedure.
    private RegionValidation? RunRegions(FeatureBlock year, PredictionExperiment experiment, bool withTruth, IAnsiConsole console)
    {
        if (RegionSplit.Choose(year, RegionTestShare, Seed) is not { } split)
        {
            console.MarkupLine("[yellow]Fewer than two régions in the training year: no split by region.[/]");
            return null;
        }

        var train = year.Subset(split.TrainRows);
        var test = year.Subset(split.TestRows);
        if (train.Positives < 10 || test.Positives < 10)
        {
            console.MarkupLine("[yellow]Fewer than 10 outcomes on a side of the split by region: not run.[/]");
            return null;
        }

        console.MarkupLine(Invariant($"Split by region: train on régions {string.Join(", ", split.TrainRegions)} ({train.Rows:N0} rows, {train.Positives:N0} outcomes), test on {string.Join(", ", split.TestRegions)} ({test.Rows:N0} rows, {test.Positives:N0} outcomes)."));
        var (reference, oracle) = withTruth ? EvaluateReference(test, console) : (null, null);
        var reports = experiment.Run(train, test, [.. Learners.Select(Learner)], line => console.MarkupLineInterpolated($"[grey]  {line}[/]"));
        PredictTable.Print(Invariant($"{Task.Target}: split by region, index {Task.IndexYear}"), reports, reference, console);
        return new RegionValidation(split.TrainRegions, split.TestRegions, train.Rows, train.Positives, test.Rows, test.Positives, reference, reports, oracle);
    }

    // The generator's risk on the same test rows, and the observable-signal oracle's; rows without one (not in the
    // truth) are left out and counted.
    private static (EvaluationResult? Reference, EvaluationResult? Oracle) EvaluateReference(FeatureBlock test, IAnsiConsole console)
    {
        var rows = Enumerable.Range(0, test.Rows).Where(r => !float.IsNaN(test.Reference[r]) && !float.IsNaN(test.Oracle[r])).ToArray();
        if (rows.Length < test.Rows)
        {
            console.MarkupLine(Invariant($"[yellow]{test.Rows - rows.Length:N0} test rows have no generator risk; the true-risk AUC uses the other {rows.Length:N0}.[/]"));
        }

        if (rows.Length == 0 || rows.All(r => test.Labels[r]) || rows.All(r => !test.Labels[r]))
        {
            return (null, null);
        }

        bool[] labels = [.. rows.Select(r => test.Labels[r])];
        var reference = Evaluator.Evaluate([.. rows.Select(r => (double)test.Reference[r])], labels);
        var oracle = Evaluator.Evaluate([.. rows.Select(r => (double)test.Oracle[r])], labels);
        console.MarkupLine(Invariant($"On the {rows.Length:N0} test rows: true-risk AUC {reference.Auroc.Auc:F3}, observable-signal oracle AUC {oracle.Auroc.Auc:F3} (a pre-clinical phase without a planted trace before index counted as unseen)."));
        return (reference, oracle);
    }

    private static IRiskLearner Learner(string name) => name switch
    {
        "glm" => OpenChronic.Analytics.Prediction.Models.Learners.LogisticRegression(),
        "rf" => OpenChronic.Analytics.Prediction.Models.Learners.RandomForest(),
        "gbm" => OpenChronic.Analytics.Prediction.Models.Learners.GradientBoosting(),
        "lightgbm" => OpenChronic.Analytics.Prediction.Models.Learners.LightGbm(),
        _ => new GruLearner(),
    };

    // A year's feature blocks, one per partition (null once stacked), with the summed attrition of each year.
    private sealed record Extraction(FeatureBlock?[] Train, FeatureBlock?[] Test, int[] TrainAttrition, int[] TestAttrition, TimeSpan FeatureTime);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
