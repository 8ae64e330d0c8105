namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// The split by region of the training year: models trained on the rows of some régions and tested on the others
/// (same index year), reported beside the temporal split.
/// </summary>
/// <param name="TrainRegions">Région codes (<c>GEO_REG_COD</c>) trained on.</param>
/// <param name="TestRegions">Région codes tested on.</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TrainPositives">Outcomes among them.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="TestPositives">Outcomes among them.</param>
/// <param name="Reference">Metrics of the generator's own risk on the test rows, when the truth was given.</param>
/// <param name="Oracle">Metrics of the observable-signal oracle on the same rows (<c>ObservableOracle</c>), when the truth was given.</param>
/// <param name="Reports">One report per learner.</param>
public sealed record RegionValidation(
    IReadOnlyList<string> TrainRegions,
    IReadOnlyList<string> TestRegions,
    int TrainRows,
    int TrainPositives,
    int TestRows,
    int TestPositives,
    EvaluationResult? Reference,
    IReadOnlyList<ModelReport> Reports,
    EvaluationResult? Oracle = null);
