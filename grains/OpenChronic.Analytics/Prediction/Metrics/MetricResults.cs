namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>Area under the ROC curve with its Hanley–McNeil (1982) standard error and 95 % normal interval.</summary>
public readonly record struct AurocResult(double Auc, double StandardError, double Low, double High);

/// <summary>One point of a ROC curve at a threshold (predictions ≥ threshold are positive).</summary>
public readonly record struct RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);

/// <summary>One calibration group: size, mean prediction, observed rate and number of events.</summary>
public readonly record struct CalibrationBin(int Count, double MeanPredicted, double ObservedRate, double Events);

/// <summary>Hosmer–Lemeshow statistic, its degrees of freedom (groups − 2) and upper-tail p-value.</summary>
public readonly record struct HosmerLemeshowResult(double ChiSquare, int DegreesOfFreedom, double PValue);

/// <summary>Calibration-in-the-large: mean prediction, observed rate and the CITL intercept of glm(y ~ offset(logit p)).</summary>
public readonly record struct CalibrationInTheLarge(double MeanPredicted, double ObservedRate, double Intercept);

/// <summary>Weak calibration: intercept and slope of glm(y ~ logit p).</summary>
public readonly record struct WeakCalibration(double Intercept, double Slope, double SlopeStandardError = double.NaN)
{
    /// <summary>Lower end of the slope's Wald 95 % interval (b − 1.96·SE).</summary>
    public double SlopeLow => Slope - (1.96 * SlopeStandardError);

    /// <summary>Upper end of the slope's Wald 95 % interval (b + 1.96·SE).</summary>
    public double SlopeHigh => Slope + (1.96 * SlopeStandardError);
}

/// <summary>Absolute calibration errors |p − s(p)| from a lowess smooth s: mean (E-avg = ICI), 90th percentile and max.</summary>
public readonly record struct CalibrationErrors(double EAverage, double E90, double EMax);

/// <summary>Brier score mean((y − p)²) and scaled Brier 1 − Brier / (ȳ(1 − ȳ)).</summary>
public readonly record struct BrierResult(double Brier, double Scaled);
