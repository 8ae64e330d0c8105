using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>The PatientLevelPrediction metric set of one set of predictions.</summary>
public sealed record EvaluationResult(
    int Rows,
    int Positives,
    AurocResult Auroc,
    AurocResult AurocDeLong,
    double Auprc,
    double AveragePrecision,
    BrierResult Brier,
    CalibrationInTheLarge InTheLarge,
    WeakCalibration Weak,
    CalibrationErrors Errors,
    HosmerLemeshowResult HosmerLemeshow,
    IReadOnlyList<CalibrationBin> Deciles,
    IReadOnlyList<RocPoint> Roc);
