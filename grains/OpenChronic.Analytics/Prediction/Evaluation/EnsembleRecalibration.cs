using OpenChronic.Analytics.Prediction.Metrics;
using OpenChronic.Domain.Numerics;

namespace OpenChronic.Analytics.Prediction.Evaluation;

/// <summary>
/// Recalibration of the cross-fitted ensemble (the average of the K fold models' logits) from the training year only.
/// Write a fold model's logit as z_k(x) = f(x) + e_k(x): f what a model of that size learns on average, e_k the noise
/// of its particular training rows. An out-of-fold logit carries the whole noise σ², the ensemble only the noise of
/// the average, and a recalibration slope fitted on noisier logits is attenuated (regression dilution), so it shrinks
/// the ensemble too much. The noise the averaging removes is, whatever the correlation between fold models,
/// Δ = σ² − Var(ē) = ((K − 1)/K)·E[s²(x)], with s² the sample variance of the K fold models' logits at a point.
/// On a training row only one fold model did not see it; the other K − 1 all did, and the pull of that row on them is
/// (to first order) the same, so their disagreement estimates s² as well (needs K ≥ 3). The recalibration is then
/// fitted by SIMEX (Cook and Stefanski 1994; Carroll et al. 2006, ch. 5): noise of variance λ·Δ_i is added to the
/// out-of-fold logits for λ = 0.5, 1, 1.5, 2, the (intercept, slope) fit averaged over replicates at each λ, and a
/// quadratic in λ extrapolated to λ = −1, the ensemble's noise level.
/// </summary>
public static class EnsembleRecalibration
{
    /// <summary>Simulated replicates per noise level.</summary>
    public const int Replicates = 20;

    private static readonly double[] s_lambdas = [0, 0.5, 1, 1.5, 2];

    /// <summary>
    /// Per row, Δ_i = ((K − 1)/K)·s²_i, s²_i the sample variance of the logits of the K − 1 fold models that saw row i
    /// (<paramref name="foldLogits"/>[k][i] is fold model k's logit on row i; <paramref name="fold"/>[i] the row's
    /// fold). Zero everywhere with fewer than three folds.
    /// </summary>
    public static double[] NoiseReduction(IReadOnlyList<double[]> foldLogits, ReadOnlySpan<int> fold)
    {
        ArgumentNullException.ThrowIfNull(foldLogits);
        var k = foldLogits.Count;
        var reduction = new double[fold.Length];
        if (k < 3)
        {
            return reduction;
        }

        for (var i = 0; i < reduction.Length; i++)
        {
            double sum = 0, squares = 0;
            for (var m = 0; m < k; m++)
            {
                if (m != fold[i])
                {
                    sum += foldLogits[m][i];
                    squares += foldLogits[m][i] * foldLogits[m][i];
                }
            }

            var n = k - 1;
            var variance = Math.Max(0, (squares - (sum * sum / n)) / (n - 1));
            reduction[i] = variance * (k - 1) / k;
        }

        return reduction;
    }

    /// <summary>
    /// Var(out-of-fold logits) / (that − mean Δ): the factor by which the noise the averaging removes should raise
    /// the recalibration slope, in the linear approximation of regression dilution (a diagnostic beside SIMEX).
    /// </summary>
    public static double AttenuationRatio(ReadOnlySpan<double> outOfFoldLogits, ReadOnlySpan<double> reduction)
    {
        double mean = 0, meanReduction = 0;
        for (var i = 0; i < outOfFoldLogits.Length; i++)
        {
            mean += outOfFoldLogits[i];
            meanReduction += reduction[i];
        }

        mean /= Math.Max(1, outOfFoldLogits.Length);
        meanReduction /= Math.Max(1, outOfFoldLogits.Length);
        double variance = 0;
        foreach (var z in outOfFoldLogits)
        {
            variance += (z - mean) * (z - mean);
        }

        variance /= Math.Max(1, outOfFoldLogits.Length - 1);
        return variance > meanReduction ? variance / (variance - meanReduction) : double.NaN;
    }

    /// <summary>
    /// The (intercept, slope) of glm(y ~ z) extrapolated by SIMEX to the noise level of the out-of-fold logits
    /// <paramref name="outOfFoldLogits"/> less <paramref name="reduction"/> (per row); the plain fit when the logits
    /// are constant or no noise is removed. Seeded.
    /// </summary>
    public static (double Intercept, double Slope) Simex(ReadOnlySpan<double> outOfFoldLogits, ReadOnlySpan<double> reduction,
        ReadOnlySpan<bool> outcomes, int seed)
    {
        if (reduction.Length != outOfFoldLogits.Length || outcomes.Length != outOfFoldLogits.Length)
        {
            throw new ArgumentException("Logits, reductions and outcomes must have the same length.");
        }

        var zero = new double[outOfFoldLogits.Length];
        var plain = Calibration.IsConstant(outOfFoldLogits)
            ? (LogisticFit.Fit(zero, outOfFoldLogits, outcomes, fitSlope: false).Intercept, 1.0)
            : LogisticFit.Fit(outOfFoldLogits, zero, outcomes, fitSlope: true);
        var any = false;
        foreach (var d in reduction)
        {
            any |= d > 0;
        }

        if (!any || Calibration.IsConstant(outOfFoldLogits))
        {
            return plain;
        }

        var random = new Random(seed);
        var noisy = new double[outOfFoldLogits.Length];
        var intercepts = new double[s_lambdas.Length];
        var slopes = new double[s_lambdas.Length];
        (intercepts[0], slopes[0]) = plain;
        for (var l = 1; l < s_lambdas.Length; l++)
        {
            for (var r = 0; r < Replicates; r++)
            {
                for (var i = 0; i < noisy.Length; i++)
                {
                    noisy[i] = outOfFoldLogits[i] + (Math.Sqrt(s_lambdas[l] * reduction[i]) * random.NextStandardNormal());
                }

                var (a, b) = LogisticFit.Fit(noisy, zero, outcomes, fitSlope: true);
                intercepts[l] += a / Replicates;
                slopes[l] += b / Replicates;
            }
        }

        return (QuadraticAt(s_lambdas, intercepts, -1), QuadraticAt(s_lambdas, slopes, -1));
    }

    /// <summary>The least-squares quadratic through (x, y), evaluated at <paramref name="at"/>.</summary>
    public static double QuadraticAt(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double at)
    {
        // Normal equations of y = c0 + c1 x + c2 x², solved by Cramer's rule (3 × 3).
        double s0 = x.Length, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i];
            s1 += v;
            s2 += v * v;
            s3 += v * v * v;
            s4 += v * v * v * v;
            t0 += y[i];
            t1 += v * y[i];
            t2 += v * v * y[i];
        }

        var det = Det(s0, s1, s2, s1, s2, s3, s2, s3, s4);
        var c0 = Det(t0, s1, s2, t1, s2, s3, t2, s3, s4) / det;
        var c1 = Det(s0, t0, s2, s1, t1, s3, s2, t2, s4) / det;
        var c2 = Det(s0, s1, t0, s1, s2, t1, s2, s3, t2) / det;
        return c0 + (c1 * at) + (c2 * at * at);
    }

    private static double Det(double a, double b, double c, double d, double e, double f, double g, double h, double i) =>
        (a * ((e * i) - (f * h))) - (b * ((d * i) - (f * g))) + (c * ((d * h) - (e * g)));
}
