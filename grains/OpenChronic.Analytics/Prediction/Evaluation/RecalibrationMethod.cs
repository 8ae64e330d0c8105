namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>Which predictions of the training year the delivered ensemble's logistic recalibration is fitted on.</summary>
public enum RecalibrationMethod
{
    /// <summary>The chosen setting's out-of-fold predictions (each row by the one fold model that did not see it).</summary>
    OutOfFold,

    /// <summary>
    /// The out-of-fold predictions with the fit extrapolated (SIMEX) to the noise level of the fold models' average:
    /// see <see cref="EnsembleRecalibration"/>.
    /// </summary>
    Simex,

    /// <summary>Nested cross-fitting: each fold predicted by an average of K models fitted inside the other folds (K² fits).</summary>
    Nested,
}
