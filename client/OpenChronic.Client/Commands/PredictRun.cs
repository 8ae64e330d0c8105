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
internal sealed record PredictRun(string Db, PredictionTask Task, string[] Learners, string Output, string? Truth, string? Secret, int Seed, bool Bench)
{
    /// <summary>A feature column is kept when it is non-zero in at least this many training rows.</summary>
    public const int MinimumColumnRows = 20;

    public static readonly string[] KnownLearners = ["glm", "rf", "gbm", "lightgbm", "gru"];

    public async Task<int> ExecuteAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var truth = ReadTruth(console);
            var clock = Stopwatch.StartNew();
            await using var session = await DatabaseSession.OpenAsync(Db, console, cancellationToken);
            return (await ExecuteOnGridAsync(session.Grains, session.Years, session.Patients, clock.Elapsed, truth, console, cancellationToken)).Code;
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
        (Dictionary<long, Dictionary<Guid, float>> Train, Dictionary<long, Dictionary<Guid, float>> Test)? truth, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(years);
        try
        {
            var clock = Stopwatch.StartNew();
            if (!years.Contains(Task.IndexYear) || !years.Contains(Task.IndexYear + 1))
            {
                console.MarkupLineInterpolated($"[red]The database covers {string.Join(", ", years)}; index {Task.IndexYear} needs {Task.IndexYear} and {Task.IndexYear + 1} (outcomes of the training and test years).[/]");
                return (2, []);
            }

            if (!years.Contains(Task.IndexYear - 1))
            {
                console.MarkupLineInterpolated($"[yellow]The database has no year {Task.IndexYear - 1}: training features have no lookback.[/]");
            }

            var test = Task.NextYear();
            var trainMessage = await ExtractAsync(grains, Task, truth?.Train, cancellationToken);
            var testMessage = await ExtractAsync(grains, test, truth?.Test, cancellationToken);
            var featureTime = clock.Elapsed;
            var trainRaw = FeatureWire.ToBlock(trainMessage);
            var names = FeatureBlock.FrequentNames([trainRaw], MinimumColumnRows);
            var trainBlock = FeatureBlock.Stack([trainRaw], names);
            var testBlock = FeatureBlock.Stack([FeatureWire.ToBlock(testMessage)], names);
            console.MarkupLine(Invariant($"Features: {trainBlock.Rows:N0} training rows ({trainBlock.Positives:N0} outcomes), {testBlock.Rows:N0} test rows ({testBlock.Positives:N0} outcomes), {names.Length:N0} columns, extracted in {featureTime.TotalSeconds:F1} s."));
            if (trainBlock.Positives < 10 || testBlock.Positives < 10)
            {
                console.MarkupLine("[red]Fewer than 10 outcomes in a year: too few to train or evaluate.[/]");
                return (1, []);
            }

            var reference = truth is null ? null : EvaluateReference(testBlock, console);
            var experiment = new PredictionExperiment(Seed);
            var reports = experiment.Run(trainBlock, testBlock, [.. Learners.Select(Learner)], line => console.MarkupLineInterpolated($"[grey]  {line}[/]"));
            var summary = new PredictionSummary(Task, patients, trainBlock.Rows, trainBlock.Positives, testBlock.Rows, testBlock.Positives,
                names.Length, trainMessage.Attrition, testMessage.Attrition, featureTime, reference);
            ReportWriter.Write(Output, summary, reports);
            PredictTable.Print(summary, reports, console);
            if (Bench)
            {
                PredictTable.PrintBench(patients, loadTime, featureTime, trainBlock.Rows + testBlock.Rows, reports, Environment.ProcessorCount,
                    Process.GetCurrentProcess().PeakWorkingSet64, console);
            }

            console.MarkupLineInterpolated($"Report, model cards, plots and models written to [bold]{Path.GetFullPath(Output)}[/].");
            return (0, reports);
        }
        catch (Exception e) when (e is DatabaseFormatException or IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return (1, []);
        }
    }

    private (Dictionary<long, Dictionary<Guid, float>> Train, Dictionary<long, Dictionary<Guid, float>> Test)? ReadTruth(IAnsiConsole console)
    {
        if (Truth is null)
        {
            return null;
        }

        var train = PredictTruth.Read(Truth, Secret!, Task.Target, Task.IndexYear);
        var test = PredictTruth.Read(Truth, Secret!, Task.Target, Task.IndexYear + 1);
        console.MarkupLine(Invariant($"Truth: generator risks for {train.Values.Sum(m => m.Count):N0} and {test.Values.Sum(m => m.Count):N0} persons ({Task.IndexYear}, {Task.IndexYear + 1})."));
        return (train, test);
    }

    private static async Task<FeatureBlockMessage> ExtractAsync(IGrainFactory grains, PredictionTask task, Dictionary<long, Dictionary<Guid, float>>? truth,
        CancellationToken cancellationToken)
    {
        var request = FeatureWire.ToRequest(task);
        var messages = await System.Threading.Tasks.Task.WhenAll(Enumerable.Range(0, Partitions.Count).Select(p =>
            grains.GetGrain<IPartitionFeatures>(p).ExtractFeaturesAsync(request, truth?.GetValueOrDefault(p)).AsTask().WaitAsync(cancellationToken)));
        return FeatureWire.Merge(messages);
    }

    // The generator's risk on the same test rows; rows without one (not in the truth) are left out and counted.
    private static EvaluationResult? EvaluateReference(FeatureBlock test, IAnsiConsole console)
    {
        var rows = Enumerable.Range(0, test.Rows).Where(r => !float.IsNaN(test.Reference[r])).ToArray();
        if (rows.Length < test.Rows)
        {
            console.MarkupLine(Invariant($"[yellow]{test.Rows - rows.Length:N0} test rows have no generator risk; the true-risk AUC uses the other {rows.Length:N0}.[/]"));
        }

        if (rows.Length == 0 || rows.All(r => test.Labels[r]) || rows.All(r => !test.Labels[r]))
        {
            return null;
        }

        return Evaluator.Evaluate([.. rows.Select(r => (double)test.Reference[r])], [.. rows.Select(r => test.Labels[r])]);
    }

    private static IRiskLearner Learner(string name) => name switch
    {
        "glm" => OpenChronic.Analytics.Prediction.Models.Learners.LogisticRegression(),
        "rf" => OpenChronic.Analytics.Prediction.Models.Learners.RandomForest(),
        "gbm" => OpenChronic.Analytics.Prediction.Models.Learners.GradientBoosting(),
        "lightgbm" => OpenChronic.Analytics.Prediction.Models.Learners.LightGbm(),
        _ => new GruLearner(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
