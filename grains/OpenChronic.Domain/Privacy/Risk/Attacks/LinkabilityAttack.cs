using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>
/// Linkability (WP29 "corrélation"), after Anonymeter's LinkabilityEvaluator: the attacker holds two disjoint
/// sets of columns of the same person, from two sources, and tries to link them through the release. For each
/// target, the <c>neighbours</c> released records nearest on the first columns and those nearest on the second
/// are found; the attack succeeds when the two sets share a record. Targets are drawn from the attacked
/// originals and, as control, from the held-out originals. The baseline draws both sets at random.
/// </summary>
public static class LinkabilityAttack
{
    /// <summary>Runs the attack on <paramref name="attacks"/> targets of each set.</summary>
    public static AttackResult Run(
        AttackTable release, AttackTable attacked, AttackTable control,
        IReadOnlyList<AttackColumn> firstColumns, IReadOnlyList<AttackColumn> secondColumns,
        int attacks, int neighbours, ulong seed, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(firstColumns);
        ArgumentNullException.ThrowIfNull(secondColumns);
        SinglingOutAttack.Check(release, attacked, control, [.. firstColumns, .. secondColumns], attacks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(neighbours);
        if (firstColumns.Count == 0 || secondColumns.Count == 0 || firstColumns.Intersect(secondColumns).Any())
        {
            throw new ArgumentException("The attacker's two column sets must be non-empty and disjoint.", nameof(secondColumns));
        }

        var bits = ChaCha20RandomBits.FromSeed(seed, stream: 3);
        var first = new NearestNeighbours(release, firstColumns);
        var second = new NearestNeighbours(release, secondColumns);
        attacks = Math.Min(attacks, Math.Min(attacked.RowCount, control.RowCount));
        var attackedTargets = SinglingOutAttack.Subsample(attacked, attacks, bits);
        var controlTargets = SinglingOutAttack.Subsample(control, attacks, bits);

        bool Linked(AttackTable targets, int row)
        {
            var a = first.Nearest(targets, row, neighbours, bits.NextUInt64());
            var b = second.Nearest(targets, row, neighbours, bits.NextUInt64());
            return a.Intersect(b).Any();
        }

        int attackSuccesses = 0, controlSuccesses = 0, baselineSuccesses = 0;
        for (var i = 0; i < attacks; i++)
        {
            attackSuccesses += Linked(attackedTargets, i) ? 1 : 0;
            controlSuccesses += Linked(controlTargets, i) ? 1 : 0;
            var randomA = RandomRows(release.RowCount, neighbours, bits);
            var randomB = RandomRows(release.RowCount, neighbours, bits);
            baselineSuccesses += randomA.Overlaps(randomB) ? 1 : 0;
        }

        return AttackStatistics.Result(attacks, attackSuccesses, controlSuccesses, baselineSuccesses, confidence);
    }

    private static HashSet<int> RandomRows(int rowCount, int count, ChaCha20RandomBits bits)
    {
        var rows = new HashSet<int>();
        while (rows.Count < Math.Min(count, rowCount))
        {
            rows.Add((int)bits.UniformBelow((ulong)rowCount));
        }

        return rows;
    }
}
