namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// One per-territory table of <c>territories.csv</c>: its columns (each person of the table's universe falls in exactly
/// one), the universe (tables of one universe count the same persons, so they share their totals), the family of its
/// indices — <c>variability</c> (Spearman, target ≥ 0.9) or <c>coordination</c> (Pearson, target ≥ 0.95) — and its
/// indices, each the value of every column (1 / 0 for a share, a bin's midpoint for a mean): one table may carry
/// several indices (a person in one cell, so one ε), e.g. follow-up within 7 days by a GP and within 30 days by anyone.
/// </summary>
public sealed record TerritoryTableSpec(string Name, string[] Columns, string Universe, string Family, TerritoryIndex[] Indices)
{
    /// <summary>A table with one index named as the table.</summary>
    public TerritoryTableSpec(string name, string[] columns, double[] values, string universe, string family)
        : this(name, columns, universe, family, [new TerritoryIndex(name, values)])
    {
    }
}

/// <summary>One index of a table: its name and the value of each column (the index of a territory is Σ count × value / Σ count).</summary>
public sealed record TerritoryIndex(string Name, double[] Values);

/// <summary>
/// One released person as the tables see it: its département, per table (in the order of the specs) its column (−1
/// when outside the table's universe), and per index (every table's indices in order) its exact value (the original
/// the utility compares with; NaN outside the universe).
/// </summary>
public sealed record TablePerson(string Departement, int[] Columns, double[] Values);

/// <summary>One published cell: territory (a département or <c>FR</c>), table, column (or <c>total</c>), persons (null when suppressed).</summary>
public readonly record struct TerritoryCell(string Territory, string Table, string Column, long? Persons);
