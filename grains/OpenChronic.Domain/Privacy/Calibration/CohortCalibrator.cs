using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Releases;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// Calibrates a cohort release: the members' quasi-identifiers (those of the base policy, with the release builder's
/// hierarchies) and pathway codes (k^m sets along <see cref="CodeHierarchy"/>) go to <see cref="ReleaseCalibrator"/>,
/// whose exploration never goes below the base policy (k at least its k, suppression limit at most its limit, m at
/// least its m). The chosen policy is the base policy with k raised to the smallest class of the chosen
/// generalization (Flash then finds the same levels, and the highest prosecutor risk 1/k meets the target by
/// construction even when l-diversity forces more generalization), the chosen suppression limit, and the pathway sets
/// at the target's smallest safe class and the chosen m. The release is built by <see cref="ReleaseBuilder"/> like any
/// other, and the attacks are measured again at the levels it actually published.
/// </summary>
public static class CohortCalibrator
{
    /// <summary>Calibrates and builds the release; the outcome holds the risk–utility table even when refused.</summary>
    public static CohortCalibration Run(string cohort, int number, IReadOnlyList<ReleaseMember> members, ReleasePolicy basePolicy,
        IReadOnlyList<ReleaseLedger> earlier, CalibrationTarget target, CalibrationOptions options, Func<string, string?> regionOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(cohort);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(basePolicy);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(regionOf);
        if (basePolicy.Validate() is { Count: > 0 } problems)
        {
            return Refuse("the base policy is invalid: " + string.Join("; ", problems));
        }

        if (members.Count < Math.Max(basePolicy.MinCellSize, basePolicy.K))
        {
            return Refuse($"the cohort has fewer persons than the minimum cell size ({basePolicy.MinCellSize}) or k ({basePolicy.K})");
        }

        var explore = Bounded(options, basePolicy);
        if (explore is null)
        {
            return Refuse($"no explored k is at least the base policy's k = {basePolicy.K} with a suppression limit of at most {basePolicy.SuppressionLimit:P1}");
        }

        // Rows in content order, not pseudonym order: the pseudonym key is drawn afresh for each grid, and the attacks'
        // seeded shadow split must give the same answer for the same cohort (rows that tie are identical, so
        // interchangeable).
        var rows = members.Select(m => m.Row).Order(ContentOrder.Instance).ToList();
        var input = Input(rows, basePolicy, regionOf);
        var result = ReleaseCalibrator.Calibrate(input, target, explore);
        if (result is not { Chosen: { Levels: { } levels, Utility: { } utility } chosen })
        {
            return new CohortCalibration(input, result, null, null, [], "no explored policy meets the target");
        }

        var m = result.SetCandidates.FirstOrDefault(s => s.Chosen)?.M;
        var policy = basePolicy with
        {
            Name = basePolicy.Name + "-calibrated",
            K = Math.Max(chosen.K, utility.SmallestClass),
            SuppressionLimit = chosen.SuppressionLimit,
            Km = basePolicy.Km is { } km ? km with { K = Math.Max(km.K, target.SmallestSafeClass), M = m ?? km.M } : null,
        };
        var build = ReleaseBuilder.Build(cohort, number, members, policy, earlier, regionOf);
        if (build.Content is not { } content)
        {
            return new CohortCalibration(input, result, policy, null, [], build.Refusal);
        }

        var published = content.Levels.Select(l => l.Level).ToList();
        var risk = published.SequenceEqual(levels)
            ? result.Risk!
            : ReleaseCalibrator.Assess(input, published, new AnonymizationPolicy(chosen.K, chosen.SuppressionLimit), target, explore,
                Secret(result.ReleasedSets)).Risk;
        var attacks = risk.Attacks is { } a
            ? ReleaseRisks.Attacks(a, "Anonymeter-style attack on a seeded shadow release of half the cohort at the published levels, the other half as control")
            : [];
        return new CohortCalibration(input, result, policy, content, attacks, null);
    }

    /// <summary>The calibration input of the members: the base policy's quasi-identifiers and, when it publishes them, the pathway codes.</summary>
    public static CalibrationInput Input(IReadOnlyList<Cohorts.CohortMember> rows, ReleasePolicy policy, Func<string, string?> regionOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(policy);
        var qis = policy.QuasiIdentifiers.Select(q => new QuasiIdentifier(q.Attribute, MemberAttributes.Hierarchy(q.Attribute, rows, regionOf))).ToList();
        var codes = new int[qis.Count][];
        for (var c = 0; c < qis.Count; c++)
        {
            codes[c] = new int[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                if (!qis[c].Hierarchy.TryGetLeaf(MemberAttributes.Value(rows[r], qis[c].Name), out codes[c][r]))
                {
                    throw new InvalidOperationException($"A value of {qis[c].Name} is missing from its hierarchy.");
                }
            }
        }

        var table = QuasiIdentifierTable.FromCodes(qis, codes);
        var all = rows.SelectMany(r => r.Codes).Distinct(StringComparer.Ordinal).ToList();
        if (policy.Km is null || all.Count == 0 || CodeHierarchy.Build(all).Hierarchy is not { } hierarchy)
        {
            return new CalibrationInput(table);
        }

        return new CalibrationInput(table, [.. rows.Select(r => (IReadOnlyList<string>)r.Codes)], hierarchy);
    }

    // The exploration within the base policy: k at least its k, suppression at most its limit, m at least its m.
    private static CalibrationOptions? Bounded(CalibrationOptions options, ReleasePolicy basePolicy)
    {
        ImmutableArray<int> ks = [.. options.Ks.Where(k => k >= basePolicy.K)];
        ImmutableArray<double> limits = [.. options.SuppressionLimits.Where(l => l <= basePolicy.SuppressionLimit + 1e-12)];
        if (ks.IsEmpty || limits.IsEmpty)
        {
            return null;
        }

        var bounded = options with { Ks = ks, SuppressionLimits = limits };
        if (basePolicy.Km is { } km)
        {
            ImmutableArray<int> ms = [.. options.Ms.Where(m => m >= km.M && m <= 4)];
            bounded = bounded with { Ms = ms.IsEmpty ? [km.M] : ms, AttackerCodes = Math.Max(options.AttackerCodes, km.M) };
        }

        return bounded;
    }

    // The inference attack's secret: each person's published set as a whole, as ReleaseCalibrator codes it.
    private static int[]? Secret(ImmutableArray<ImmutableArray<string>>? sets)
    {
        if (sets is not { } s)
        {
            return null;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. s.Select(set =>
        {
            var key = string.Join('|', set.Order(StringComparer.Ordinal));
            if (!ids.TryGetValue(key, out var id))
            {
                id = ids.Count;
                ids.Add(key, id);
            }

            return id;
        })];
    }

    private static CohortCalibration Refuse(string reason) => new(null, null, null, null, [], reason);

    /// <summary>A total order on what a member row holds, so that the calibration does not depend on the order members arrive in.</summary>
    private sealed class ContentOrder : IComparer<Cohorts.CohortMember>
    {
        public static readonly ContentOrder Instance = new();

        public int Compare(Cohorts.CohortMember? x, Cohorts.CohortMember? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            var order = x.Age.CompareTo(y.Age);
            order = order != 0 ? order : x.Sex.CompareTo(y.Sex);
            order = order != 0 ? order : string.CompareOrdinal(x.Departement, y.Departement);
            order = order != 0 ? order : string.CompareOrdinal(x.Commune, y.Commune);
            order = order != 0 ? order : x.IndexDate.CompareTo(y.IndexDate);
            order = order != 0 ? order : string.CompareOrdinal(x.Comorbidities, y.Comorbidities);
            order = order != 0 ? order : x.HospitalEpisodes.CompareTo(y.HospitalEpisodes);
            order = order != 0 ? order : x.Deceased.CompareTo(y.Deceased);
            order = order != 0 ? order : x.Codes.Length.CompareTo(y.Codes.Length);
            for (var i = 0; order == 0 && i < x.Codes.Length; i++)
            {
                order = string.CompareOrdinal(x.Codes[i], y.Codes[i]);
            }

            return order;
        }
    }
}

/// <summary>
/// The outcome of calibrating a cohort release: the input and calibration (null when refused before exploring), the
/// chosen policy, the built release and the attack risks measured on it, or the reason there is no release.
/// </summary>
public sealed record CohortCalibration(
    CalibrationInput? Input,
    CalibrationResult? Result,
    ReleasePolicy? Policy,
    ReleaseContent? Content,
    ImmutableArray<MeasuredRisk> AttackRisks,
    string? Refusal);
