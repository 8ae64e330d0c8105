using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// Chooses a release's parameters so that a target risk is met with the least information loss. For every
/// (k, suppression limit) of the options, Flash finds the optimal hierarchy levels; candidates whose class-based
/// risks (highest and average prosecutor) meet the target are then attacked in order of utility, best first, and
/// the first whose attack risks' upper bounds meet the target is chosen. Condition sets are published under
/// k^m-anonymity and ε of the accompanying noisy class counts is rated by the advantage bound of ε-DP.
/// The attacks need people who are not in the release: the cohort is split at random (seeded) into two halves,
/// a shadow release is built from the first half with the same levels and policy, and the second half is the
/// control. The shadow release's classes are about half as large as the real release's, so its attack risks
/// over-estimate those of the release of the whole cohort.
/// </summary>
public static class ReleaseCalibrator
{
    /// <summary>Runs the calibration.</summary>
    public static CalibrationResult Calibrate(CalibrationInput input, CalibrationTarget target, CalibrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var table = input.Table;
        var (setCandidates, releasedSets, secret) = CalibrateSets(input, target, options);

        var explored = new List<(CalibrationCandidate Candidate, double Value)>();
        foreach (var k in options.Ks.Distinct().Order())
        {
            foreach (var limit in options.SuppressionLimits.Distinct().Order())
            {
                explored.Add(Explore(table, new AnonymizationPolicy(k, limit), target, options.Metric));
            }
        }

        // Attack the candidates that meet the class targets, best utility first, until one meets the whole target.
        var order = Enumerable.Range(0, explored.Count)
            .Where(i => explored[i].Candidate.MeetsTarget)
            .OrderBy(i => explored[i].Value).ThenBy(i => explored[i].Candidate.K).ThenBy(i => explored[i].Candidate.SuppressionLimit)
            .ToList();
        int? chosen = null;
        GeneralizedTable? release = null;
        ReleaseRisk? risk = null;
        foreach (var i in order)
        {
            var candidate = explored[i].Candidate;
            if (chosen is not null)
            {
                explored[i] = (candidate with { MeetsTarget = false, Verdict = "not attacked: a better policy was chosen" }, explored[i].Value);
                continue;
            }

            var policy = new AnonymizationPolicy(candidate.K, candidate.SuppressionLimit);
            var (generalized, measured) = Assess(input, candidate.Levels!.Value, policy, target, options, secret);
            // A shadow release suppressed entirely cannot be attacked: its risk is unknown, not low.
            var failure = measured.Attacks is null
                ? "attacks not measurable: the shadow release of half the cohort is entirely suppressed"
                : target.Failure(measured);
            explored[i] = (candidate with { Attacks = measured.Attacks, MeetsTarget = failure is null, Verdict = failure ?? "meets the target" }, explored[i].Value);
            if (failure is null)
            {
                chosen = i;
                release = generalized;
                risk = measured;
            }
        }

        var epsilons = RateEpsilons(release, target, options);
        if (chosen is { } c)
        {
            explored[c] = (explored[c].Candidate with { Verdict = "chosen" }, explored[c].Value);
        }

        return new CalibrationResult(target, chosen is { } index ? explored[index].Candidate : null,
            release, releasedSets, risk, [.. explored.Select(e => e.Candidate)], setCandidates, epsilons);
    }

    /// <summary>
    /// Generalizes the whole table at <paramref name="levels"/> under <paramref name="policy"/> and measures the
    /// result: class-based risks on the release itself, attacks on the seeded shadow release (see the type's remarks).
    /// <paramref name="secret"/> (one code per person) is the target of the inference attack.
    /// </summary>
    public static (GeneralizedTable Release, ReleaseRisk Risk) Assess(
        CalibrationInput input, IReadOnlyList<int> levels, AnonymizationPolicy policy, CalibrationTarget target,
        CalibrationOptions options, int[]? secret = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var table = input.Table;
        var release = FullDomainRecoding.Apply(table, levels, policy);
        var published = Enumerable.Range(0, table.RowCount).Where(r => !release.Suppressed[r]).ToArray();
        if (published.Length == 0)
        {
            throw new ArgumentException("The policy suppresses every record.", nameof(policy));
        }

        var classes = ReleaseRiskAssessor.MeasureClasses(Codes(table, levels, published), release.SuppressedCount,
            target.MaxHighestProsecutor, options.PopulationSize);

        var (attackedRows, controlRows) = Split(table.RowCount, options.Seed);
        var shadowTable = Subset(table, attackedRows);
        var shadow = FullDomainRecoding.Apply(shadowTable, levels, policy);
        var shadowPublished = Enumerable.Range(0, attackedRows.Length).Where(r => !shadow.Suppressed[r]).ToArray();
        var attacks = shadowPublished.Length == 0
            ? null
            : ReleaseRiskAssessor.Attack(new CodedRelease(
                [.. table.Columns.Select(c => c.Name)],
                Codes(shadowTable, levels, shadowPublished),
                Codes(shadowTable, levels, null),
                Codes(table, levels, controlRows),
                secret is null ? null : [.. shadowPublished.Select(r => secret[attackedRows[r]])],
                secret is null ? null : [.. attackedRows.Select(r => secret[r])],
                secret is null ? null : [.. controlRows.Select(r => secret[r])]), options.Attacks, options.Neighbours, options.Seed);
        return (release, classes with { Attacks = attacks });
    }

    /// <summary>The value codes at <paramref name="levels"/> of the given rows (all when null), column-major.</summary>
    internal static int[][] Codes(QuasiIdentifierTable table, IReadOnlyList<int> levels, int[]? rows)
    {
        var result = new int[table.Columns.Length][];
        for (var c = 0; c < result.Length; c++)
        {
            var map = table.Columns[c].Hierarchy.LevelMap(levels[c]);
            var leaves = table.LeafCodes(c);
            var codes = new int[rows?.Length ?? table.RowCount];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = map[leaves[rows is null ? i : rows[i]]];
            }

            result[c] = codes;
        }

        return result;
    }

    /// <summary>A seeded random split of the rows into two halves: attacked (shadow release) and control.</summary>
    internal static (int[] Attacked, int[] Control) Split(int rows, ulong seed)
    {
        var bits = ChaCha20RandomBits.FromSeed(seed, stream: 11);
        var order = Enumerable.Range(0, rows).ToArray();
        for (var i = rows - 1; i > 0; i--)
        {
            var j = (int)bits.UniformBelow((ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        var half = rows / 2;
        return ([.. order[..half].Order()], [.. order[half..].Order()]);
    }

    private static QuasiIdentifierTable Subset(QuasiIdentifierTable table, int[] rows)
    {
        var codes = new int[table.Columns.Length][];
        for (var c = 0; c < codes.Length; c++)
        {
            var leaves = table.LeafCodes(c);
            var subset = new int[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                subset[i] = leaves[rows[i]];
            }

            codes[c] = subset;
        }

        return QuasiIdentifierTable.FromCodes(table.Columns, codes);
    }

    private static (CalibrationCandidate Candidate, double Value) Explore(QuasiIdentifierTable table, AnonymizationPolicy policy, CalibrationTarget target, InformationLossMetric metric)
    {
        var search = new FlashSearch(table, policy, metric).Run();
        if (search is not { Levels: { } levels, Utility: { } utility })
        {
            return (new CalibrationCandidate(policy.K, policy.SuppressionLimit, null, null, 1, 1, null, false,
                "no generalization meets k"), double.PositiveInfinity);
        }

        var published = utility.Records - utility.SuppressedRecords;
        var highest = published == 0 ? 1 : utility.HighestProsecutorRisk;
        var average = published == 0 ? 1 : (double)utility.Classes / published;
        var failure = published == 0 ? "every record suppressed" : target.ClassFailure(highest, average);
        return (new CalibrationCandidate(policy.K, policy.SuppressionLimit, levels, utility, highest, average, null, failure is null,
            failure ?? "class targets met"), utility.Value(metric));
    }

    private static (ImmutableArray<SetCandidate>, ImmutableArray<ImmutableArray<string>>?, int[]?) CalibrateSets(
        CalibrationInput input, CalibrationTarget target, CalibrationOptions options)
    {
        if (input.ConditionSets is not { } sets || input.ConditionHierarchy is not { } hierarchy)
        {
            return ([], null, input.Table.HasSensitive ? input.Table.SensitiveCodes.ToArray() : null);
        }

        var k = target.SmallestSafeClass;
        var ms = options.Ms.Distinct().Order().ToList();
        var chosenM = ms.FirstOrDefault(m => m >= options.AttackerCodes, ms[^1]);
        var candidates = ImmutableArray.CreateBuilder<SetCandidate>();
        KmResult? chosen = null;
        foreach (var m in ms)
        {
            var result = KmAnonymizer.Anonymize(sets, hierarchy, k, m);
            var verified = KmAnonymityChecker.Check(result.Sets, k, m).Count == 0;
            candidates.Add(new SetCandidate(m, k, result.InformationLoss, result.SuppressedOccurrences, verified, m == chosenM));
            if (m == chosenM)
            {
                chosen = result;
            }
        }

        // The secret of the inference attack: the published set as a whole.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var secret = new int[sets.Count];
        for (var r = 0; r < secret.Length; r++)
        {
            var key = string.Join('|', chosen!.Sets[r].Order(StringComparer.Ordinal));
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids.Add(key, id);
            }

            secret[r] = id;
        }

        return (candidates.ToImmutable(), chosen!.Sets, secret);
    }

    private static ImmutableArray<EpsilonCandidate> RateEpsilons(GeneralizedTable? release, CalibrationTarget target, CalibrationOptions options)
    {
        var sizes = release is null
            ? []
            : release.Rows.Where((_, r) => !release.Suppressed[r]).GroupBy(row => string.Join('\u001f', row), StringComparer.Ordinal)
                .Select(g => g.Count()).Order().ToList();
        var median = sizes.Count == 0 ? 0 : sizes[sizes.Count / 2];
        var rated = options.Epsilons.Distinct().Order().Select(epsilon =>
        {
            var bound = (Math.Exp(epsilon) - 1 + (2 * options.Delta)) / (Math.Exp(epsilon) + 1);
            var halfWidth = DiscreteLaplace.ForEpsilon(Rational.FromDouble(epsilon), 1).ConfidenceHalfWidth(0.95);
            return new EpsilonCandidate(epsilon, bound, halfWidth, median == 0 ? double.NaN : (double)halfWidth / median,
                bound <= target.MaxAttackUpper, false);
        }).ToList();
        var best = rated.LastOrDefault(e => e.MeetsTarget);
        return [.. rated.Select(e => e == best ? e with { Chosen = true } : e)];
    }
}
