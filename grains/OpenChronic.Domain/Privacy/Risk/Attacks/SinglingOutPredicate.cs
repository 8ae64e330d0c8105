using System.Globalization;
using System.Text;

namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>How a predicate compares a column with its value.</summary>
public enum PredicateOperator
{
    /// <summary>column = value.</summary>
    Equal,

    /// <summary>column ≤ value (numeric).</summary>
    AtMost,

    /// <summary>column ≥ value (numeric).</summary>
    AtLeast,
}

/// <summary>One condition of a singling-out predicate.</summary>
public readonly record struct PredicateCondition(AttackColumn Column, PredicateOperator Operator, double Value);

/// <summary>A conjunction of conditions that an attacker hopes is true of exactly one person.</summary>
public sealed class SinglingOutPredicate
{
    private readonly PredicateCondition[] _conditions;

    /// <summary>Creates the predicate.</summary>
    public SinglingOutPredicate(IReadOnlyList<PredicateCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        _conditions = [.. conditions];
        var text = new StringBuilder();
        foreach (var condition in _conditions.OrderBy(c => c.Column.Kind).ThenBy(c => c.Column.Index))
        {
            text.Append(CultureInfo.InvariantCulture, $"{condition.Column.Kind}{condition.Column.Index}{condition.Operator}{condition.Value:R};");
        }

        Key = text.ToString();
    }

    /// <summary>The conditions.</summary>
    public IReadOnlyList<PredicateCondition> Conditions => _conditions;

    /// <summary>A canonical text of the predicate, equal for equal predicates.</summary>
    public string Key { get; }

    /// <summary>Whether row <paramref name="row"/> satisfies every condition.</summary>
    public bool Matches(AttackTable table, int row)
    {
        ArgumentNullException.ThrowIfNull(table);
        // Indexed loop over the array: this runs once per row and predicate, so no enumerator allocation.
        for (var i = 0; i < _conditions.Length; i++)
        {
            var condition = _conditions[i];
            var value = condition.Column.Kind == AttackColumnKind.Categorical
                ? table.Category(row, condition.Column.Index)
                : table.Number(row, condition.Column.Index);
            var holds = condition.Operator switch
            {
                PredicateOperator.Equal => value == condition.Value,
                PredicateOperator.AtMost => value <= condition.Value,
                _ => value >= condition.Value,
            };
            if (!holds)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of matching rows, counted up to <paramref name="cap"/>.</summary>
    public int CountMatches(AttackTable table, int cap = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(table);
        var count = 0;
        for (var r = 0; r < table.RowCount && count < cap; r++)
        {
            count += Matches(table, r) ? 1 : 0;
        }

        return count;
    }
}
