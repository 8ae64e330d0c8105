namespace OpenChronic.Domain.Privacy.Risk.Attacks;

/// <summary>Whether a column holds category codes or numbers.</summary>
public enum AttackColumnKind
{
    /// <summary>Integer codes compared for equality (a nomenclature code, a generalized band).</summary>
    Categorical,

    /// <summary>Numbers compared by order and distance.</summary>
    Numeric,
}

/// <summary>A column of an <see cref="AttackTable"/>: its kind and its index among the columns of that kind.</summary>
public readonly record struct AttackColumn(AttackColumnKind Kind, int Index)
{
    /// <summary>The categorical column <paramref name="index"/>.</summary>
    public static AttackColumn Categorical(int index) => new(AttackColumnKind.Categorical, index);

    /// <summary>The numeric column <paramref name="index"/>.</summary>
    public static AttackColumn Numeric(int index) => new(AttackColumnKind.Numeric, index);
}

/// <summary>
/// Records for the attack-based risk estimates, in plain arrays so that any release can be attacked: per row, the
/// categorical codes and the numeric values. The release, the attacked originals and the control originals must
/// use the same columns and the same coding (e.g. the originals recoded to the release's generalization levels).
/// </summary>
public sealed class AttackTable
{
    private readonly int[][] _categorical;
    private readonly double[][] _numeric;

    /// <summary>Creates a table; every row has the same number of categorical and of numeric values.</summary>
    public AttackTable(int[][] categorical, double[][] numeric)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        ArgumentNullException.ThrowIfNull(numeric);
        if (categorical.Length != numeric.Length)
        {
            throw new ArgumentException("The categorical and numeric parts need one row each per record.", nameof(numeric));
        }

        CategoricalCount = categorical.Length == 0 ? 0 : categorical[0].Length;
        NumericCount = numeric.Length == 0 ? 0 : numeric[0].Length;
        for (var r = 0; r < categorical.Length; r++)
        {
            if (categorical[r] is null || categorical[r].Length != CategoricalCount || numeric[r] is null || numeric[r].Length != NumericCount)
            {
                throw new ArgumentException($"Row {r} does not have {CategoricalCount} categorical and {NumericCount} numeric values.", nameof(categorical));
            }

            foreach (var value in numeric[r])
            {
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Row {r} has a non-finite numeric value.", nameof(numeric));
                }
            }
        }

        _categorical = categorical;
        _numeric = numeric;
    }

    /// <summary>Creates a table of categorical columns only.</summary>
    public static AttackTable FromCategorical(int[][] categorical)
    {
        ArgumentNullException.ThrowIfNull(categorical);
        return new AttackTable(categorical, [.. categorical.Select(_ => Array.Empty<double>())]);
    }

    /// <summary>The number of records.</summary>
    public int RowCount => _categorical.Length;

    /// <summary>The number of categorical columns.</summary>
    public int CategoricalCount { get; }

    /// <summary>The number of numeric columns.</summary>
    public int NumericCount { get; }

    /// <summary>The code of a categorical column.</summary>
    public int Category(int row, int column) => _categorical[row][column];

    /// <summary>The value of a numeric column.</summary>
    public double Number(int row, int column) => _numeric[row][column];

    /// <summary>Every column, categorical first.</summary>
    public IReadOnlyList<AttackColumn> AllColumns() =>
        [.. Enumerable.Range(0, CategoricalCount).Select(AttackColumn.Categorical),
            .. Enumerable.Range(0, NumericCount).Select(AttackColumn.Numeric)];

    /// <summary>The same columns for the given rows.</summary>
    public AttackTable Rows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new AttackTable([.. rows.Select(r => _categorical[r])], [.. rows.Select(r => _numeric[r])]);
    }

    /// <summary>Checks that another table has the same shape and that the columns exist.</summary>
    internal void CheckCompatible(AttackTable other, IEnumerable<AttackColumn> columns, string parameter)
    {
        if (other.CategoricalCount != CategoricalCount || other.NumericCount != NumericCount)
        {
            throw new ArgumentException("The release and the originals must have the same columns.", parameter);
        }

        foreach (var column in columns)
        {
            var count = column.Kind == AttackColumnKind.Categorical ? CategoricalCount : NumericCount;
            if (column.Index < 0 || column.Index >= count)
            {
                throw new ArgumentOutOfRangeException(parameter, column, "No such column.");
            }
        }
    }
}
