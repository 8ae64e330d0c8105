namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>A success rate with its error: the Wilson score centre and half-width at the chosen confidence.</summary>
public readonly record struct SuccessRate(double Value, double Error);

/// <summary>A risk in [0, 1] with its confidence interval (clipped to [0, 1]).</summary>
public readonly record struct AttackRisk(double Value, double Lower, double Upper);

/// <summary>
/// The outcome of one attack in the manner of Anonymeter (Giomi et al., "A Unified Framework for Quantifying
/// Privacy Risk in Synthetic Data", PoPETs 2023): the attack on the originals behind the release, the same
/// attack on held-out control originals, and a random-guess baseline. Risk = (attack − control)/(1 − control).
/// </summary>
/// <param name="Attacks">Attempts on the attacked originals (and on the control set and the baseline).</param>
/// <param name="AttackSuccesses">Successes on the attacked originals.</param>
/// <param name="ControlSuccesses">Successes on the control originals.</param>
/// <param name="BaselineSuccesses">Successes of the random-guess baseline on the attacked originals.</param>
/// <param name="AttackRate">Wilson rate of the attack.</param>
/// <param name="ControlRate">Wilson rate of the control attack.</param>
/// <param name="BaselineRate">Wilson rate of the baseline.</param>
/// <param name="Risk">Residual risk attributable to the release, with its interval.</param>
/// <param name="Confidence">Confidence level of the intervals.</param>
public sealed record AttackResult(
    int Attacks,
    int AttackSuccesses,
    int ControlSuccesses,
    int BaselineSuccesses,
    SuccessRate AttackRate,
    SuccessRate ControlRate,
    SuccessRate BaselineRate,
    AttackRisk Risk,
    double Confidence)
{
    /// <summary>Whether the attack did better than random guessing (otherwise the estimate is not meaningful).</summary>
    public bool BeatsBaseline => AttackRate.Value > BaselineRate.Value;
}
