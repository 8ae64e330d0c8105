using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>
/// Inference (WP29 "inférence"), after Anonymeter's InferenceEvaluator: knowing some auxiliary columns of a
/// target, the attacker guesses a secret column as the secret of the nearest released record. A categorical
/// guess must be equal; a numeric guess must be within a relative tolerance (5 % by default) of the truth.
/// Targets come from the attacked originals and, as control, from the held-out originals; the baseline guesses
/// the secret of a random released record.
/// </summary>
public static class InferenceAttack
{
    /// <summary>Runs the attack on <paramref name="attacks"/> targets of each set.</summary>
    public static AttackResult Run(
        AttackTable release, AttackTable attacked, AttackTable control,
        IReadOnlyList<AttackColumn> auxiliaryColumns, AttackColumn secret,
        int attacks, ulong seed, double numericTolerance = 0.05, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(auxiliaryColumns);
        SinglingOutAttack.Check(release, attacked, control, [.. auxiliaryColumns, secret], attacks);
        if (auxiliaryColumns.Count == 0 || auxiliaryColumns.Contains(secret))
        {
            throw new ArgumentException("The auxiliary columns must be non-empty and exclude the secret.", nameof(auxiliaryColumns));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(numericTolerance);
        var bits = ChaCha20RandomBits.FromSeed(seed, stream: 4);
        var neighbours = new NearestNeighbours(release, auxiliaryColumns);
        attacks = Math.Min(attacks, Math.Min(attacked.RowCount, control.RowCount));
        var attackedTargets = SinglingOutAttack.Subsample(attacked, attacks, bits);
        var controlTargets = SinglingOutAttack.Subsample(control, attacks, bits);

        bool Correct(AttackTable targets, int row, int guessRow)
        {
            if (secret.Kind == AttackColumnKind.Categorical)
            {
                return targets.Category(row, secret.Index) == release.Category(guessRow, secret.Index);
            }

            var truth = targets.Number(row, secret.Index);
            return Math.Abs(release.Number(guessRow, secret.Index) - truth) <= numericTolerance * Math.Abs(truth);
        }

        int attackSuccesses = 0, controlSuccesses = 0, baselineSuccesses = 0;
        for (var i = 0; i < attacks; i++)
        {
            attackSuccesses += Correct(attackedTargets, i, neighbours.Nearest(attackedTargets, i, 1, bits.NextUInt64())[0]) ? 1 : 0;
            controlSuccesses += Correct(controlTargets, i, neighbours.Nearest(controlTargets, i, 1, bits.NextUInt64())[0]) ? 1 : 0;
            baselineSuccesses += Correct(attackedTargets, i, (int)bits.UniformBelow((ulong)release.RowCount)) ? 1 : 0;
        }

        return AttackStatistics.Result(attacks, attackSuccesses, controlSuccesses, baselineSuccesses, confidence);
    }
}
