using OpenChronic.Analytics.Prediction.Models;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// One learner's run: selection, trained model, recalibration and what it was fitted on, test metrics before and after
/// recalibration, and times.
/// </summary>
public sealed record ModelReport(
    string Name,
    string Description,
    SelectionResult Selection,
    IRiskModel Model,
    (double Intercept, double Slope) Recalibration,
    EvaluationResult Test,
    EvaluationResult TestRecalibrated,
    TimeSpan SelectionTime,
    TimeSpan TrainingTime,
    string RecalibrationBasis = "out-of-fold");
