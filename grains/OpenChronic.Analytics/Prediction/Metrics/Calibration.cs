namespace OpenChronic.Analytics.Prediction.Metrics;

/// <summary>Calibration metrics of PatientLevelPrediction: Brier, CITL, weak calibration, E-statistics/ICI, Hosmer–Lemeshow, calibration curve.</summary>
public static class Calibration
{
    /// <summary>Brier = mean((y − p)²); scaled = 1 − Brier/(ȳ(1 − ȳ)) (NaN when ȳ ∈ {0, 1}).</summary>
    public static BrierResult Brier(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        Checked.Inputs(predictions, outcomes.Length);
        double sum = 0, events = 0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var y = outcomes[i] ? 1.0 : 0.0;
            sum += (y - predictions[i]) * (y - predictions[i]);
            events += y;
        }

        var brier = sum / predictions.Length;
        var rate = events / predictions.Length;
        var reference = rate * (1 - rate);
        return new BrierResult(brier, reference > 0 ? 1 - (brier / reference) : double.NaN);
    }

    /// <summary>Mean prediction, observed rate and the intercept a of logit P(y) = a + logit p.</summary>
    public static CalibrationInTheLarge InTheLarge(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        Checked.Inputs(predictions, outcomes.Length);
        var (offset, meanPredicted, rate) = Logits(predictions, outcomes);
        var (intercept, _) = LogisticFit.Fit(new double[offset.Length], offset, outcomes, fitSlope: false);
        return new CalibrationInTheLarge(meanPredicted, rate, intercept);
    }

    /// <summary>
    /// Intercept a and slope b of logit P(y) = a + b·logit p, with the slope's standard error (Fisher information);
    /// all NaN when every prediction is the same (a constant model: a and b are not identifiable).
    /// </summary>
    public static WeakCalibration Weak(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        Checked.Inputs(predictions, outcomes.Length);
        var (logits, _, _) = Logits(predictions, outcomes);
        if (IsConstant(logits))
        {
            return new WeakCalibration(double.NaN, double.NaN, double.NaN);
        }

        var offset = new double[logits.Length];
        var (a, b) = LogisticFit.Fit(logits, offset, outcomes, fitSlope: true);
        return new WeakCalibration(a, b, LogisticFit.SlopeStandardError(logits, offset, a, b));
    }

    /// <summary>
    /// E-avg (= ICI), E90, E-max of |p − s(p)|, s = lowess of y on p (PLP uses R's lowess with iter = 0, whose default
    /// delta, 1 % of the range of p, is used here too unless <paramref name="delta"/> is given).
    /// </summary>
    public static CalibrationErrors Errors(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes, double span = 2.0 / 3.0, int iterations = 0,
        double? delta = null)
    {
        Checked.Inputs(predictions, outcomes.Length);
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var p in predictions)
        {
            min = Math.Min(min, p);
            max = Math.Max(max, p);
        }

        var y = new double[outcomes.Length];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = outcomes[i] ? 1 : 0;
        }

        var smooth = Lowess.Smooth(predictions, y, span, iterations, delta ?? (0.01 * (max - min)));
        var errors = new double[smooth.Length];
        for (var i = 0; i < errors.Length; i++)
        {
            errors[i] = Math.Abs(predictions[i] - smooth[i]);
        }

        Array.Sort(errors);
        return new CalibrationErrors(errors.Average(), Quantile(errors, 0.9), errors[^1]);
    }

    /// <summary>Groups of nearly equal size in order of prediction (group k holds sorted ranks ⌊k·n/g⌋ … ⌊(k+1)·n/g⌋ − 1).</summary>
    public static CalibrationBin[] Curve(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes, int groups = 10)
    {
        var order = Checked.SortedOrder(predictions, outcomes, descending: false);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var n = order.Length;
        var bins = new List<CalibrationBin>(groups);
        for (var g = 0; g < groups; g++)
        {
            var start = (int)((long)g * n / groups);
            var end = (int)((long)(g + 1) * n / groups);
            if (end == start)
            {
                continue;
            }

            double sumP = 0, events = 0;
            for (var k = start; k < end; k++)
            {
                sumP += predictions[order[k]];
                events += outcomes[order[k]] ? 1 : 0;
            }

            var count = end - start;
            bins.Add(new CalibrationBin(count, sumP / count, events / count, events));
        }

        return [.. bins];
    }

    /// <summary>X² = Σ_g (O₁−E₁)²/E₁ + (O₀−E₀)²/E₀ over <paramref name="groups"/> quantile groups, df = groups − 2.</summary>
    public static HosmerLemeshowResult HosmerLemeshow(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes, int groups = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 3);
        var bins = Curve(predictions, outcomes, groups);
        double chi = 0;
        foreach (var bin in bins)
        {
            var expected1 = bin.MeanPredicted * bin.Count;
            var expected0 = bin.Count - expected1;
            var observed0 = bin.Count - bin.Events;
            chi += expected1 > 0 ? (bin.Events - expected1) * (bin.Events - expected1) / expected1 : 0;
            chi += expected0 > 0 ? (observed0 - expected0) * (observed0 - expected0) / expected0 : 0;
        }

        var df = bins.Length - 2;
        return new HosmerLemeshowResult(chi, df, df > 0 ? Statistics.Distributions.ChiSquareUpperTail(chi, df) : double.NaN);
    }

    /// <summary>Type-7 (R default) quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>True when all values are equal (to 1e-12): a fit with a slope on them is singular.</summary>
    public static bool IsConstant(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return true;
        }

        double min = values[0], max = values[0];
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max - min <= 1e-12 * Math.Max(1, Math.Abs(max));
    }

    private static (double[] Logits, double MeanPredicted, double Rate) Logits(ReadOnlySpan<double> predictions, ReadOnlySpan<bool> outcomes)
    {
        var logits = new double[predictions.Length];
        double sumP = 0, events = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = LogisticFit.Logit(predictions[i]);
            sumP += predictions[i];
            events += outcomes[i] ? 1 : 0;
        }

        return (logits, sumP / logits.Length, events / logits.Length);
    }
}
