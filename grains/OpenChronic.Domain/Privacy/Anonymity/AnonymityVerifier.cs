namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Checks a generalized table against a policy from its text alone (no hierarchy, no codes): published rows are
/// grouped by their values, and every group must hold at least k rows, l distinct sensitive values and a
/// sensitive entropy of at least log l; suppressed rows must stay within the limit. This is deliberately a
/// separate, simple code path from the search, so that it can audit a release.
/// </summary>
public static class AnonymityVerifier
{
    /// <summary>The problems found (empty when the table meets the policy).</summary>
    public static IReadOnlyList<string> Verify(GeneralizedTable table, AnonymizationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<string>();
        if (policy.NeedsSensitive && table.Sensitive is null)
        {
            problems.Add("the policy needs a sensitive attribute and the table has none");
            return problems;
        }

        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < table.Rows.Length; r++)
        {
            if (table.Suppressed[r])
            {
                continue;
            }

            var key = string.Join('\u001f', table.Rows[r]);
            if (!groups.TryGetValue(key, out var members))
            {
                members = [];
                groups.Add(key, members);
            }

            members.Add(r);
        }

        var suppressed = table.SuppressedCount;
        if (suppressed > policy.MaxSuppressed(table.Rows.Length))
        {
            problems.Add($"{suppressed} rows suppressed, the limit allows {policy.MaxSuppressed(table.Rows.Length)}");
        }

        foreach (var (key, members) in groups)
        {
            var label = key.Replace('\u001f', ';');
            if (members.Count < policy.K)
            {
                problems.Add($"class [{label}] has {members.Count} persons, fewer than k = {policy.K}");
            }

            if (!policy.NeedsSensitive)
            {
                continue;
            }

            var counts = members.GroupBy(r => table.Sensitive!.Value[r], StringComparer.Ordinal).Select(g => (double)g.Count()).ToList();
            if (policy.DistinctL is { } l && counts.Count < l)
            {
                problems.Add($"class [{label}] has {counts.Count} distinct sensitive values, fewer than l = {l}");
            }

            var entropy = -counts.Sum(c => c / members.Count * Math.Log(c / members.Count));
            if (policy.EntropyL is { } el && entropy < Math.Log(el) - 1e-9)
            {
                problems.Add($"class [{label}] has sensitive entropy {entropy:F4} < log({el})");
            }
        }

        return problems;
    }
}
