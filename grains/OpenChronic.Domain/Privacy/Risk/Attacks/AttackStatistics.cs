namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>
/// Rates and risks of attacks: the Wilson score interval (Wilson 1927) for each rate, and the residual risk
/// (r_attack − r_control)/(1 − r_control) with its error propagated to first order from the two rates' errors,
/// as Anonymeter does (stats/confidence.py).
/// </summary>
public static class AttackStatistics
{
    private static readonly double[] s_centralNumerator =
        [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];

    private static readonly double[] s_centralDenominator =
        [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1];

    private static readonly double[] s_tailNumerator =
        [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];

    private static readonly double[] s_tailDenominator =
        [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1];

    /// <summary>The Wilson score centre and half-width of <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static SuccessRate Wilson(int successes, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var z = NormalQuantile(0.5 * (1 + confidence));
        var zSquared = z * z;
        var denominator = trials + zSquared;
        var centre = (successes + (0.5 * zSquared)) / denominator;
        var variance = (double)successes * (trials - successes) / trials;
        var error = z / denominator * Math.Sqrt(variance + (0.25 * zSquared));
        return new SuccessRate(centre, error);
    }

    /// <summary>The residual risk of an attack over its control, clipped to [0, 1] with its interval.</summary>
    public static AttackRisk Residual(SuccessRate attack, SuccessRate control)
    {
        var margin = 1 - control.Value;
        var value = (attack.Value - control.Value) / margin;
        var byAttack = 1 / Math.Abs(margin);
        var byControl = (attack.Value - 1) / (margin * margin);
        var error = Math.Sqrt(Math.Pow(attack.Error * byAttack, 2) + Math.Pow(control.Error * byControl, 2));
        return new AttackRisk(Math.Clamp(value, 0, 1), Math.Clamp(value - error, 0, 1), Math.Clamp(value + error, 0, 1));
    }

    /// <summary>Assembles an <see cref="AttackResult"/> from success counts.</summary>
    public static AttackResult Result(int attacks, int attackSuccesses, int controlSuccesses, int baselineSuccesses, double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level lies in (0, 1).");
        }

        var attack = Wilson(attackSuccesses, attacks, confidence);
        var control = Wilson(controlSuccesses, attacks, confidence);
        var baseline = Wilson(baselineSuccesses, attacks, confidence);
        return new AttackResult(attacks, attackSuccesses, controlSuccesses, baselineSuccesses, attack, control, baseline,
            Residual(attack, control), confidence);
    }

    /// <summary>
    /// The standard normal quantile, by Acklam's rational approximation (relative error below 1.2e-9).
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability in (0, 1) is needed.");
        }

        const double Low = 0.02425;
        if (p < Low || p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p < Low ? p : 1 - p));
            var tail = Horner(s_tailNumerator, q) / Horner(s_tailDenominator, q);
            return p < Low ? tail : -tail;
        }

        var x = p - 0.5;
        var r = x * x;
        return Horner(s_centralNumerator, r) * x / Horner(s_centralDenominator, r);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var result = 0.0;
        foreach (var coefficient in coefficients)
        {
            result = (result * x) + coefficient;
        }

        return result;
    }
}
