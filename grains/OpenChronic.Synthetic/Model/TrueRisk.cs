namespace OpenChronic.Synthetic.Model;

/// <summary>
/// The generator's own probability that a person not yet registered enters the ALD of a condition within a period
/// of <c>days</c> days from 1 January, given the person's latent state on that day. Onset follows the start of the
/// pre-clinical phase by exactly <see cref="ConditionProfile.PreclinicalDays"/>; registration follows onset, with
/// probability <see cref="ConditionProfile.RegisterProbability"/>, after a lag of ⌊E⌋ days with E exponential of
/// mean <see cref="ConditionProfile.LagMeanMonths"/> months. All three are exact for that model and conditional on
/// survival (death is a competing event the task excludes).
/// </summary>
public static class TrueRisk
{
    /// <summary>Days per month used to turn the lag mean into days.</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>
    /// The pre-clinical phase began before the period and leads to onset <paramref name="onsetOffset"/> days after
    /// its first day: <c>p · (1 − exp(−(days − r)/μ))</c> with r the onset offset and μ the lag mean in days.
    /// </summary>
    public static double Preclinical(ConditionProfile profile, int onsetOffset, int days)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (onsetOffset >= days)
        {
            return 0;
        }

        var mu = profile.LagMeanMonths * DaysPerMonth;
        return profile.RegisterProbability * (1 - Math.Exp(-(days - Math.Max(0, onsetOffset)) / mu));
    }

    /// <summary>
    /// Onset happened <paramref name="daysSinceOnset"/> days before the period without registration so far: the
    /// posterior probability that registration is still to come, <c>w = p·e^(−t/μ) / (p·e^(−t/μ) + 1 − p)</c>, times
    /// the probability that the remaining (memoryless) lag ends within the period, <c>1 − exp(−days/μ)</c>.
    /// </summary>
    public static double Present(ConditionProfile profile, int daysSinceOnset, int days)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var mu = profile.LagMeanMonths * DaysPerMonth;
        var p = profile.RegisterProbability;
        var stay = p * Math.Exp(-Math.Max(0, daysSinceOnset) / mu);
        var w = stay / (stay + 1 - p);
        return w * (1 - Math.Exp(-days / mu));
    }

    /// <summary>
    /// No pre-clinical phase on 1 January: with probability <paramref name="hazard"/> it begins on a uniform day s of
    /// the period, onset comes D days later, and registration must follow within the period:
    /// <c>h · p · (1/days) · Σ_{s=0}^{days−D−1} (1 − exp(−(days − D − s)/μ))</c>.
    /// </summary>
    public static double Prior(ConditionProfile profile, double hazard, int days)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var mu = profile.LagMeanMonths * DaysPerMonth;
        var sum = 0.0;
        for (var s = 0; s < days - profile.PreclinicalDays; s++)
        {
            sum += 1 - Math.Exp(-(days - profile.PreclinicalDays - s) / mu);
        }

        return hazard * profile.RegisterProbability * sum / days;
    }
}
