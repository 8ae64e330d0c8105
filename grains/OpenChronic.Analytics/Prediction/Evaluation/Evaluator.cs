using OpenChronic.Analytics.Prediction.Metrics;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>Computes the full metric set on predictions and outcomes.</summary>
public static class Evaluator
{
    /// <summary>
    /// All metrics; the ROC curve is thinned to points at least <paramref name="minimumStep"/> persons apart (and at most
    /// about 200 points), so that no published point describes fewer persons than the small-cell threshold.
    /// </summary>
    public static EvaluationResult Evaluate(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes, int minimumStep = 11)
    {
        var positives = 0;
        foreach (var y in outcomes)
        {
            positives += y ? 1 : 0;
        }

        var negatives = outcomes.Length - positives;
        var roc = Discrimination.RocCurve(predictions, outcomes);
        var step = Math.Max(minimumStep, outcomes.Length / 200);
        var thinned = new List<RocPoint> { roc[0] };
        var lastCount = 0.0;
        for (var i = 1; i < roc.Length; i++)
        {
            var count = (roc[i].FalsePositiveRate * negatives) + (roc[i].TruePositiveRate * positives);
            if (count - lastCount >= step || i == roc.Length - 1)
            {
                thinned.Add(roc[i]);
                lastCount = count;
            }
        }

        return new EvaluationResult(
            outcomes.Length,
            positives,
            Discrimination.Auroc(predictions, outcomes),
            positives >= 2 && negatives >= 2 ? DeLong.Auroc(predictions, outcomes) : Discrimination.Auroc(predictions, outcomes),
            Discrimination.Auprc(predictions, outcomes),
            Discrimination.AveragePrecision(predictions, outcomes),
            Calibration.Brier(predictions, outcomes),
            Calibration.InTheLarge(predictions, outcomes),
            Calibration.Weak(predictions, outcomes),
            Calibration.Errors(predictions, outcomes),
            Calibration.HosmerLemeshow(predictions, outcomes),
            Calibration.Curve(predictions, outcomes),
            thinned);
    }
}
