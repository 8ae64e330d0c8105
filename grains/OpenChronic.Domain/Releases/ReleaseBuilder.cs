using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// Applies a <see cref="ReleasePolicy"/> to a cohort's members: optimal full-domain generalization of the
/// quasi-identifiers with suppression (<see cref="FlashSearch"/>, l-diversity on the chosen sensitive attribute),
/// k^m generalization of the kept persons' pathway codes (<see cref="KmAnonymizer"/>), and aggregate tables of the
/// whole cohort with small-cell, complementary and cross-release suppression (<see cref="CellSuppression"/>,
/// <see cref="CrossReleaseGuard"/>). Refuses, with the reason, when the policy is invalid or cannot be met.
/// </summary>
public static class ReleaseBuilder
{
    public static ReleaseBuildResult Build(string cohort, int number, IReadOnlyList<ReleaseMember> members, ReleasePolicy policy,
        IReadOnlyList<ReleaseLedger> earlier, Func<string, string?> regionOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(cohort);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(regionOf);
        if (policy.Validate() is { Count: > 0 } problems)
        {
            return Refuse("the policy is invalid: " + string.Join("; ", problems));
        }

        if (members.Count < Math.Max(policy.MinCellSize, policy.K))
        {
            return Refuse($"the cohort has fewer persons than the minimum cell size ({policy.MinCellSize}) or k ({policy.K})");
        }

        if (SmallDifference(members, earlier, policy.MinCellSize) is { } difference)
        {
            return Refuse(difference);
        }

        // Rows in pseudonym order: random-looking, and independent of how partitions returned them.
        var ordered = members.OrderBy(m => m.Pseudonym).ToList();
        var rows = ordered.Select(m => m.Row).ToList();
        var qis = policy.QuasiIdentifiers.Select(q => new QuasiIdentifier(q.Attribute, MemberAttributes.Hierarchy(q.Attribute, rows, regionOf))).ToList();
        var codes = new int[qis.Count][];
        for (var c = 0; c < qis.Count; c++)
        {
            codes[c] = new int[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                if (!qis[c].Hierarchy.TryGetLeaf(MemberAttributes.Value(rows[r], qis[c].Name), out codes[c][r]))
                {
                    return Refuse($"a value of {qis[c].Name} is missing from its hierarchy");
                }
            }
        }

        int[]? sensitive = null;
        List<string>? sensitiveValues = null;
        if (policy.LDiversity is { } l)
        {
            sensitiveValues = [.. rows.Select(m => MemberAttributes.Value(m, l.Attribute)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            var lookup = sensitiveValues.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
            sensitive = [.. rows.Select(m => lookup[MemberAttributes.Value(m, l.Attribute)])];
        }

        var table = QuasiIdentifierTable.FromCodes(qis, codes, sensitive, sensitiveValues);
        var anonymization = policy.ToAnonymizationPolicy();
        var search = new FlashSearch(table, anonymization, policy.LossMetric).Run();
        if (search is not { Levels: { } levels, Utility: { } utility })
        {
            return Refuse($"no generalization of {string.Join(", ", qis.Select(q => q.Name))} meets k = {policy.K}"
                + (policy.LDiversity is { } ld ? $" with l-diversity on {ld.Attribute}" : "")
                + $" with at most {policy.SuppressionLimit:P1} of the persons suppressed");
        }

        var generalized = FullDomainRecoding.Apply(table, levels, anonymization);
        var kept = Enumerable.Range(0, rows.Count).Where(r => !generalized.Suppressed[r]).ToList();
        KmResult? km = null;
        if (policy.Km is { } kmSpec)
        {
            var allCodes = kept.SelectMany(r => rows[r].Codes).ToList();
            if (allCodes.Count > 0)
            {
                var hierarchy = CodeHierarchy.Build(allCodes);
                if (hierarchy.Hierarchy is not { } h)
                {
                    return Refuse("pathway codes: " + string.Join("; ", hierarchy.Errors));
                }

                km = KmAnonymizer.Anonymize(kept.Select(r => rows[r].Codes).ToList(), h, kmSpec.K, kmSpec.M, kmSpec.MaxLevel);
            }
        }

        ImmutableArray<string> columns = ["pseudonym", .. policy.QuasiIdentifiers.Select(q => q.Attribute), .. policy.Sensitive, .. policy.Km is null ? Array.Empty<string>() : ["pathway"]];
        var published = ImmutableArray.CreateBuilder<ImmutableArray<string>>(kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            var r = kept[i];
            var row = new List<string>(columns.Length) { ordered[r].Pseudonym.ToString("N", CultureInfo.InvariantCulture) };
            row.AddRange(generalized.Rows[r]);
            row.AddRange(policy.Sensitive.Select(s => MemberAttributes.Value(rows[r], s)));
            if (policy.Km is not null)
            {
                row.Add(km is null ? "" : string.Join('|', km.Sets[i].Order(StringComparer.Ordinal)));
            }

            published.Add([.. row]);
        }

        var (tables, ledgerCells) = Tables(rows, ordered, policy.MinCellSize, earlier);
        var ledger = new ReleaseLedger([.. ordered.Select(m => m.PersonHash)], ledgerCells);
        var release = new ReleaseContent(cohort, number, columns, published.MoveToImmutable(), tables,
            [.. qis.Select((q, c) => new ReleaseLevel(q.Name, policy.QuasiIdentifiers[c].Hierarchy, levels[c], q.Hierarchy.MaxLevel))],
            rows.Count, generalized.SuppressedCount,
            new ReleaseUtility(utility.Loss, utility.NonUniformEntropy, utility.Discernibility, utility.AverageClassSize, utility.Precision,
                utility.SuppressionRate, utility.Classes, km?.InformationLoss, km?.SuppressedOccurrences),
            ledger);
        return new ReleaseBuildResult(release, null);
    }

    private static (ImmutableArray<AggregateTable>, ImmutableDictionary<string, ImmutableArray<int>>) Tables(
        List<Cohorts.CohortMember> rows, List<ReleaseMember> ordered, int threshold, IReadOnlyList<ReleaseLedger> earlier)
    {
        var tables = ImmutableArray.CreateBuilder<AggregateTable>();
        var ledger = ImmutableDictionary.CreateBuilder<string, ImmutableArray<int>>(StringComparer.Ordinal);
        var hashes = ordered.Select(m => m.PersonHash).ToList();
        foreach (var spec in AggregateSpec.Standard)
        {
            var counts = new long[spec.Rows.Length, spec.Columns.Length];
            var cells = new int[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                var (r, c) = spec.CellOf(rows[i]);
                counts[r, c]++;
                cells[i] = (r * spec.Columns.Length) + c;
            }

            var previous = earlier.Where(e => e.Cells.ContainsKey(spec.Name))
                .Select(e => ((IReadOnlyList<ulong>)e.PersonHashes, (IReadOnlyList<int>)e.Cells[spec.Name]));
            var forced = CrossReleaseGuard.CellsToHide(spec.Rows.Length, spec.Columns.Length, threshold, hashes, cells, previous);
            var result = CellSuppression.Apply(counts, threshold, forced.ToList());
            tables.Add(new AggregateTable(spec.Name, spec.Rows, spec.Columns, result, result.ForcedCount));
            ledger.Add(spec.Name, [.. cells]);
        }

        return (tables.ToImmutable(), ledger.ToImmutable());
    }

    /// <summary>
    /// The ledger a release of these members would leave (person hashes and aggregate cells), without building it:
    /// used to restore the ledgers of earlier releases of a cohort over the same database.
    /// </summary>
    public static ReleaseLedger Ledger(IReadOnlyList<ReleaseMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var ordered = members.OrderBy(m => m.Pseudonym).ToList();
        var cells = ImmutableDictionary.CreateBuilder<string, ImmutableArray<int>>(StringComparer.Ordinal);
        foreach (var spec in AggregateSpec.Standard)
        {
            cells.Add(spec.Name, [.. ordered.Select(m => spec.CellOf(m.Row)).Select(rc => (rc.Row * spec.Columns.Length) + rc.Column)]);
        }

        return new ReleaseLedger([.. ordered.Select(m => m.PersonHash)], cells.ToImmutable());
    }

    // Two releases whose populations differ by a few persons on one side only would give those persons away by
    // subtracting any count of one from the other (row counts included).
    private static string? SmallDifference(IReadOnlyList<ReleaseMember> members, IReadOnlyList<ReleaseLedger> earlier, int threshold)
    {
        var current = members.Select(m => m.PersonHash).ToHashSet();
        foreach (var ledger in earlier)
        {
            var previous = ledger.PersonHashes.ToHashSet();
            var onlyNew = current.Count(h => !previous.Contains(h));
            var onlyOld = previous.Count(h => !current.Contains(h));
            if ((onlyOld == 0 && onlyNew > 0 && onlyNew < threshold) || (onlyNew == 0 && onlyOld > 0 && onlyOld < threshold))
            {
                return $"the cohort differs from an earlier release by fewer than {threshold} persons; subtracting the two releases would reveal them";
            }
        }

        return null;
    }

    private static ReleaseBuildResult Refuse(string reason) => new(null, reason);
}
