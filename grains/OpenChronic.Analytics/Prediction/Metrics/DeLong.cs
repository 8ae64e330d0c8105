namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>
/// AUROC with the DeLong, DeLong &amp; Clarke-Pearson (1988) variance, as pROC (and so PatientLevelPrediction) reports it,
/// computed in O(n log n) from mid-ranks (Sun &amp; Xu 2014): V10ᵢ = (Tzᵢ − Txᵢ)/N for each positive, V01ⱼ = 1 − (Tzⱼ − Tyⱼ)/P
/// for each negative (Tz: mid-rank among all, Tx/Ty: among its own class); Var = S10/P + S01/N with sample variances.
/// </summary>
public static class DeLong
{
    /// <summary>AUC, DeLong standard error and 95 % normal interval clipped to [0, 1].</summary>
    public static AurocResult Auroc(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        Checked.Inputs(predictions, outcomes.Length);
        var positives = new List<double>();
        var negatives = new List<double>();
        for (var i = 0; i < predictions.Length; i++)
        {
            (outcomes[i] ? positives : negatives).Add(predictions[i]);
        }

        if (positives.Count < 2 || negatives.Count < 2)
        {
            throw new ArgumentException("DeLong's variance needs at least two positives and two negatives.", nameof(outcomes));
        }

        int m = positives.Count, n = negatives.Count;
        var all = positives.Concat(negatives).ToArray();
        var tz = MidRanks(all);
        var tx = MidRanks([.. positives]);
        var ty = MidRanks([.. negatives]);
        double sumRanks = 0;
        var v10 = new double[m];
        for (var i = 0; i < m; i++)
        {
            sumRanks += tz[i];
            v10[i] = (tz[i] - tx[i]) / n;
        }

        var v01 = new double[n];
        for (var j = 0; j < n; j++)
        {
            v01[j] = 1 - ((tz[m + j] - ty[j]) / m);
        }

        var auc = (sumRanks - (m * (m + 1.0) / 2)) / ((double)m * n);
        var variance = (SampleVariance(v10) / m) + (SampleVariance(v01) / n);
        var se = Math.Sqrt(Math.Max(0, variance));
        return new AurocResult(auc, se, Math.Max(0, auc - (1.959963984540054 * se)), Math.Min(1, auc + (1.959963984540054 * se)));
    }

    private static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Length];
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double SampleVariance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
