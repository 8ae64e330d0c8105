namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// The residual risk a release must stay under. Defaults: highest prosecutor risk ≤ 0.09 (a smallest class of
/// at least 12, just above the CASD threshold of 11), average prosecutor risk ≤ 0.05, and the upper confidence
/// bound of every attack risk (singling out, linkability, inference) ≤ 0.05.
/// </summary>
public sealed record CalibrationTarget(double MaxHighestProsecutor = 0.09, double MaxAverageProsecutor = 0.05, double MaxAttackUpper = 0.05)
{
    /// <summary>
    /// Why a release does not meet the target, or null when it does. An attack fails the target when the upper
    /// bound of its risk exceeds <see cref="MaxAttackUpper"/> and it succeeded more often on the people in the
    /// release than on the control: when it did not, the release taught the attacker nothing about its members,
    /// and a wide interval only reflects few possible attempts or a secret everyone can guess (control ≈ 100 %).
    /// </summary>
    public string? Failure(ReleaseRisk risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return ClassFailure(risk.Prosecutor.Highest, risk.Prosecutor.Average) ?? AttackFailure(risk.Attacks);
    }

    /// <summary>Why the attacks fail the target, or null (see <see cref="Failure"/>).</summary>
    public string? AttackFailure(AttackRisks? attacks)
    {
        if (attacks is null)
        {
            return null;
        }

        foreach (var (name, result) in attacks.All())
        {
            if (result.Risk.Upper > MaxAttackUpper && result.AttackSuccesses > result.ControlSuccesses)
            {
                return FormattableString.Invariant($"{name} risk {result.Risk.Value:F3}, upper bound {result.Risk.Upper:F3} > {MaxAttackUpper:F3}");
            }
        }

        return null;
    }

    /// <summary>Why class-based risks fail the target, or null when they meet it.</summary>
    public string? ClassFailure(double highestProsecutor, double averageProsecutor) =>
        highestProsecutor > MaxHighestProsecutor
            ? FormattableString.Invariant($"highest prosecutor risk {highestProsecutor:F3} > {MaxHighestProsecutor:F3}")
            : averageProsecutor > MaxAverageProsecutor
                ? FormattableString.Invariant($"average prosecutor risk {averageProsecutor:F3} > {MaxAverageProsecutor:F3}")
                : null;

    /// <summary>The smallest class size whose prosecutor risk 1/k meets <see cref="MaxHighestProsecutor"/>.</summary>
    public int SmallestSafeClass => (int)Math.Ceiling((1 / MaxHighestProsecutor) - 1e-9);
}
