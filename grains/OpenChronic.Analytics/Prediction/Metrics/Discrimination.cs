namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>Discrimination metrics of PatientLevelPrediction: AUROC, ROC curve, AUPRC and average precision (O(n log n) by sorting).</summary>
public static class Discrimination
{
    /// <summary>AUROC as the Mann–Whitney statistic with mid-ranks for ties; CI from the Hanley–McNeil standard error.</summary>
    public static AurocResult Auroc(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var order = Checked.SortedOrder(predictions, outcomes, descending: false);
        long positives = 0;
        double rankSum = 0;
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && predictions[order[j + 1]] == predictions[order[i]])
            {
                j++;
            }

            var midRank = ((i + 1) + (j + 1)) / 2.0;
            for (var k = i; k <= j; k++)
            {
                if (outcomes[order[k]])
                {
                    rankSum += midRank;
                    positives++;
                }
            }

            i = j + 1;
        }

        double nP = positives, nN = order.Length - positives;
        if (nP == 0 || nN == 0)
        {
            throw new ArgumentException("AUROC needs at least one positive and one negative outcome.", nameof(outcomes));
        }

        var auc = (rankSum - (nP * (nP + 1) / 2)) / (nP * nN);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = ((auc * (1 - auc)) + ((nP - 1) * (q1 - (auc * auc))) + ((nN - 1) * (q2 - (auc * auc)))) / (nP * nN);
        var se = Math.Sqrt(Math.Max(0, variance));
        const double Z = 1.959963984540054;
        return new AurocResult(auc, se, Math.Max(0, auc - (Z * se)), Math.Min(1, auc + (Z * se)));
    }

    /// <summary>ROC points at each distinct prediction, from (0, 0) at +∞ to (1, 1).</summary>
    public static RocPoint[] RocCurve(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var (thresholds, tp, fp, positives, negatives) = Cumulate(predictions, outcomes);
        var points = new RocPoint[thresholds.Length + 1];
        points[0] = new RocPoint(double.PositiveInfinity, 0, 0);
        for (var k = 0; k < thresholds.Length; k++)
        {
            points[k + 1] = new RocPoint(thresholds[k], negatives == 0 ? 0 : fp[k] / (double)negatives, positives == 0 ? 0 : tp[k] / (double)positives);
        }

        return points;
    }

    /// <summary>Average precision Σ_k (R_k − R_{k−1})·P_k over distinct thresholds; without ties = (1/P)·Σ precision@k over positives.</summary>
    public static double AveragePrecision(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var (thresholds, tp, fp, positives, _) = Cumulate(predictions, outcomes);
        RequirePositives(positives);
        double ap = 0, previousRecall = 0;
        for (var k = 0; k < thresholds.Length; k++)
        {
            var recall = tp[k] / (double)positives;
            ap += (recall - previousRecall) * (tp[k] / (double)(tp[k] + fp[k]));
            previousRecall = recall;
        }

        return ap;
    }

    /// <summary>AUPRC: trapezoidal area under precision(recall) over distinct thresholds, starting at recall 0 with the first precision.</summary>
    public static double Auprc(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var (thresholds, tp, fp, positives, _) = Cumulate(predictions, outcomes);
        RequirePositives(positives);
        double area = 0, previousRecall = 0, previousPrecision = tp[0] / (double)(tp[0] + fp[0]);
        for (var k = 0; k < thresholds.Length; k++)
        {
            var recall = tp[k] / (double)positives;
            var precision = tp[k] / (double)(tp[k] + fp[k]);
            area += (recall - previousRecall) * (precision + previousPrecision) / 2;
            previousRecall = recall;
            previousPrecision = precision;
        }

        return area;
    }

    private static void RequirePositives(long positives)
    {
        if (positives == 0)
        {
            throw new ArgumentException("Precision–recall metrics need at least one positive outcome.");
        }
    }

    private static (double[] Thresholds, long[] Tp, long[] Fp, long Positives, long Negatives) Cumulate(
        ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var order = Checked.SortedOrder(predictions, outcomes, descending: true);
        var thresholds = new List<double>();
        var tps = new List<long>();
        var fps = new List<long>();
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (outcomes[order[i]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            if (i + 1 == order.Length || predictions[order[i + 1]] != predictions[order[i]])
            {
                thresholds.Add(predictions[order[i]]);
                tps.Add(tp);
                fps.Add(fp);
            }
        }

        return ([.. thresholds], [.. tps], [.. fps], tp, fp);
    }
}
