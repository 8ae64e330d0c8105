using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>Applies a full-domain generalization (one level per quasi-identifier) and the policy's suppression to a table.</summary>
public static class FullDomainRecoding
{
    public static GeneralizedTable Apply(QuasiIdentifierTable table, IReadOnlyList<int> levels, AnonymizationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(policy);
        if (levels.Count != table.Columns.Length)
        {
            throw new ArgumentException("One level per quasi-identifier is needed.", nameof(levels));
        }

        for (var c = 0; c < levels.Count; c++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(levels[c]);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(levels[c], table.Columns[c].Hierarchy.MaxLevel);
        }

        var groupifier = new Groupifier(table, policy.NeedsSensitive);
        var (classes, rowEntry) = groupifier.GroupRows([.. levels]);
        var assessment = NodeAssessment.Assess(classes, policy, table.RowCount);
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>(table.RowCount);
        var suppressed = ImmutableArray.CreateBuilder<bool>(table.RowCount);
        var suppressedRow = Enumerable.Repeat(GeneralizedTable.SuppressedValue, levels.Count).ToImmutableArray();
        for (var r = 0; r < table.RowCount; r++)
        {
            var entry = rowEntry[r];
            if (!assessment.IsKept(entry))
            {
                rows.Add(suppressedRow);
                suppressed.Add(true);
                continue;
            }

            var values = new string[levels.Count];
            for (var c = 0; c < levels.Count; c++)
            {
                values[c] = table.Columns[c].Hierarchy.Label(levels[c], classes.Codes[c][entry]);
            }

            rows.Add([.. values]);
            suppressed.Add(false);
        }

        ImmutableArray<string>? sensitive = table.HasSensitive
            ? [.. table.SensitiveArray!.Select(s => table.SensitiveValues[s])]
            : null;
        return new GeneralizedTable([.. table.Columns.Select(c => c.Name)], rows.MoveToImmutable(), suppressed.MoveToImmutable(), sensitive);
    }
}
