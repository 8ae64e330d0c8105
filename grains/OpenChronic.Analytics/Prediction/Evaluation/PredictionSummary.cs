namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>What a report says about the data: task, sizes, attrition per year, feature time and the reference risk.</summary>
/// <param name="Task">The training-year task (the test year is the next).</param>
/// <param name="Persons">Persons in the database.</param>
/// <param name="TrainRows">Rows (persons in the population) of the training year.</param>
/// <param name="TrainPositives">Outcomes in the training year.</param>
/// <param name="TestRows">Rows of the test year.</param>
/// <param name="TestPositives">Outcomes in the test year.</param>
/// <param name="Columns">Feature columns kept (present in at least the minimum number of training rows).</param>
/// <param name="TrainAttrition">Persons per <c>TaskOutcome</c> in the training year.</param>
/// <param name="TestAttrition">Persons per <c>TaskOutcome</c> in the test year.</param>
/// <param name="FeatureTime">Time to extract the features of both years on the grid.</param>
/// <param name="Reference">Metrics of the generator's own risk on the test rows, when the truth was given.</param>
/// <param name="Oracle">Metrics of the observable-signal oracle on the same rows (<c>ObservableOracle</c>), when the truth was given.</param>
public sealed record PredictionSummary(
    PredictionTask Task,
    long Persons,
    int TrainRows,
    int TrainPositives,
    int TestRows,
    int TestPositives,
    int Columns,
    IReadOnlyList<int> TrainAttrition,
    IReadOnlyList<int> TestAttrition,
    TimeSpan FeatureTime,
    EvaluationResult? Reference,
    EvaluationResult? Oracle = null);
