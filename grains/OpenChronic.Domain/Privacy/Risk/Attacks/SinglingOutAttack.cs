using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>
/// Singling out (WP29 05/2014 "individualisation"), after Anonymeter's SinglingOutEvaluator (Giomi et al. 2023).
/// The attacker writes predicates from the release and succeeds when one is true of exactly one original person.
/// Univariate predicates use the rarest released values ("col = v", and "col ≤ min" / "col ≥ max" for numbers);
/// multivariate ones take a random released record and some of its columns ("col = v"; for numbers "col ≥ v"
/// above the released median, "col ≤ v" otherwise). Predicates are ranked by how few released records they match and the rarest are
/// tried; unlike Anonymeter, predicates matching several released records are kept when there are not enough
/// unique ones, so a release with no unique record still gets a full set of (failing) attempts.
/// The same predicates are tried on the control originals; to compare like with like, the attacked and control
/// sets are first cut to the same size by a random subsample (Anonymeter instead fits a size correction).
/// The baseline uses predicates with values drawn at random, column by column, from the release.
/// </summary>
public static class SinglingOutAttack
{
    /// <summary>Runs the attack with one-column predicates.</summary>
    public static AttackResult Univariate(
        AttackTable release, AttackTable attacked, AttackTable control, IReadOnlyList<AttackColumn> columns,
        int attacks, ulong seed, double confidence = 0.95)
    {
        Check(release, attacked, control, columns, attacks);
        var bits = ChaCha20RandomBits.FromSeed(seed, stream: 1);
        var candidates = new List<(SinglingOutPredicate Predicate, int Count, ulong Tie)>();
        foreach (var column in columns)
        {
            if (column.Kind == AttackColumnKind.Categorical)
            {
                var counts = new Dictionary<int, int>();
                for (var r = 0; r < release.RowCount; r++)
                {
                    var code = release.Category(r, column.Index);
                    counts[code] = counts.GetValueOrDefault(code) + 1;
                }

                foreach (var (code, count) in counts)
                {
                    candidates.Add((new SinglingOutPredicate([new PredicateCondition(column, PredicateOperator.Equal, code)]), count, bits.NextUInt64()));
                }

                continue;
            }

            var values = Enumerable.Range(0, release.RowCount).Select(r => release.Number(r, column.Index)).ToList();
            var (min, max) = (values.Min(), values.Max());
            candidates.Add((new SinglingOutPredicate([new PredicateCondition(column, PredicateOperator.AtMost, min)]), values.Count(v => v == min), bits.NextUInt64()));
            candidates.Add((new SinglingOutPredicate([new PredicateCondition(column, PredicateOperator.AtLeast, max)]), values.Count(v => v == max), bits.NextUInt64()));
        }

        var chosen = candidates.OrderBy(c => c.Count).ThenBy(c => c.Tie).Take(attacks).Select(c => c.Predicate).ToList();
        var baseline = chosen.Select(p => RandomPredicate(release, [p.Conditions[0].Column], bits)).ToList();
        return Evaluate(chosen, baseline, attacked, control, bits, confidence);
    }

    /// <summary>Runs the attack with predicates on <paramref name="columnsPerPredicate"/> columns.</summary>
    public static AttackResult Multivariate(
        AttackTable release, AttackTable attacked, AttackTable control, IReadOnlyList<AttackColumn> columns,
        int columnsPerPredicate, int attacks, ulong seed, double confidence = 0.95)
    {
        Check(release, attacked, control, columns, attacks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columnsPerPredicate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columnsPerPredicate, columns.Count);
        var bits = ChaCha20RandomBits.FromSeed(seed, stream: 2);
        // As Anonymeter: a value above the release's median gives "≥ v", otherwise "≤ v" (the smaller side).
        var medians = columns.Where(c => c.Kind == AttackColumnKind.Numeric).Distinct().ToDictionary(c => c.Index, c => Median(release, c.Index));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(SinglingOutPredicate Predicate, int Count, int Order)>();
        for (var attempt = 0; attempt < 4 * attacks; attempt++)
        {
            var row = (int)bits.UniformBelow((ulong)release.RowCount);
            var conditions = PickColumns(columns, columnsPerPredicate, bits)
                .Select(c => c.Kind == AttackColumnKind.Categorical
                    ? new PredicateCondition(c, PredicateOperator.Equal, release.Category(row, c.Index))
                    : new PredicateCondition(c, release.Number(row, c.Index) > medians[c.Index] ? PredicateOperator.AtLeast : PredicateOperator.AtMost, release.Number(row, c.Index)))
                .ToList();
            var predicate = new SinglingOutPredicate(conditions);
            if (seen.Add(predicate.Key))
            {
                // Counting stops at 64: beyond that the rank no longer matters.
                candidates.Add((predicate, predicate.CountMatches(release, cap: 64), attempt));
            }
        }

        var chosen = candidates.OrderBy(c => c.Count).ThenBy(c => c.Order).Take(attacks).Select(c => c.Predicate).ToList();
        var baseline = chosen.Select(_ => RandomPredicate(release, PickColumns(columns, columnsPerPredicate, bits), bits)).ToList();
        return Evaluate(chosen, baseline, attacked, control, bits, confidence);
    }

    private static AttackResult Evaluate(
        List<SinglingOutPredicate> predicates, List<SinglingOutPredicate> baseline, AttackTable attacked,
        AttackTable control, ChaCha20RandomBits bits, double confidence)
    {
        var size = Math.Min(attacked.RowCount, control.RowCount);
        var attackedSet = Subsample(attacked, size, bits);
        var controlSet = Subsample(control, size, bits);
        int attackSuccesses = 0, controlSuccesses = 0, baselineSuccesses = 0;
        for (var i = 0; i < predicates.Count; i++)
        {
            attackSuccesses += predicates[i].CountMatches(attackedSet, cap: 2) == 1 ? 1 : 0;
            controlSuccesses += predicates[i].CountMatches(controlSet, cap: 2) == 1 ? 1 : 0;
            baselineSuccesses += baseline[i].CountMatches(attackedSet, cap: 2) == 1 ? 1 : 0;
        }

        return AttackStatistics.Result(predicates.Count, attackSuccesses, controlSuccesses, baselineSuccesses, confidence);
    }

    private static SinglingOutPredicate RandomPredicate(AttackTable release, IReadOnlyList<AttackColumn> columns, ChaCha20RandomBits bits) =>
        new([.. columns.Select(c =>
        {
            var row = (int)bits.UniformBelow((ulong)release.RowCount);
            return c.Kind == AttackColumnKind.Categorical
                ? new PredicateCondition(c, PredicateOperator.Equal, release.Category(row, c.Index))
                : new PredicateCondition(c, (bits.NextUInt64() & 1) == 0 ? PredicateOperator.AtMost : PredicateOperator.AtLeast, release.Number(row, c.Index));
        })]);

    private static double Median(AttackTable release, int column)
    {
        var values = Enumerable.Range(0, release.RowCount).Select(r => release.Number(r, column)).Order().ToList();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static List<AttackColumn> PickColumns(IReadOnlyList<AttackColumn> columns, int count, ChaCha20RandomBits bits)
    {
        // Partial Fisher-Yates shuffle.
        var pool = columns.ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)bits.UniformBelow((ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return [.. pool.Take(count)];
    }

    internal static AttackTable Subsample(AttackTable table, int size, ChaCha20RandomBits bits)
    {
        if (size >= table.RowCount)
        {
            return table;
        }

        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = i + (int)bits.UniformBelow((ulong)(rows.Length - i));
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        return table.Rows(rows[..size]);
    }

    internal static void Check(AttackTable release, AttackTable attacked, AttackTable control, IReadOnlyList<AttackColumn> columns, int attacks)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(attacked);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attacks);
        if (release.RowCount == 0 || attacked.RowCount == 0 || control.RowCount == 0)
        {
            throw new ArgumentException("The release, the attacked originals and the control originals need records.", nameof(release));
        }

        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one column is needed.", nameof(columns));
        }

        release.CheckCompatible(attacked, columns, nameof(attacked));
        release.CheckCompatible(control, columns, nameof(control));
    }
}
