namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>Logistic recalibration (PLP recalibratePlp): in-the-large p' = expit(a + logit p), weak p' = expit(a + b·logit p).</summary>
public static class Recalibration
{
    /// <summary>Shifts logits by the CITL intercept so that the recalibrated mean matches the observed rate.</summary>
    public static double[] InTheLarge(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var a = Calibration.InTheLarge(predictions, outcomes).Intercept;
        var result = new double[predictions.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = LogisticFit.Expit(a + LogisticFit.Logit(predictions[i]));
        }

        return result;
    }

    /// <summary>Applies the weak-calibration intercept and slope to the logits.</summary>
    public static double[] Weak(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var fit = Calibration.Weak(predictions, outcomes);
        var result = new double[predictions.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = LogisticFit.Expit(fit.Intercept + (fit.Slope * LogisticFit.Logit(predictions[i])));
        }

        return result;
    }
}
