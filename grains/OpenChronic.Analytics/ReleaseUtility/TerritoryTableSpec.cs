namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// One per-territory table of <c>territories.csv</c>: its columns (each person of the table's universe falls in exactly
/// one), the value of each column for the table's index (1 / 0 for a share, a bin's midpoint for a mean), the
/// universe (tables of one universe count the same persons, so they share their totals) and the family of the index:
/// <c>variability</c> (Spearman, target ≥ 0.9) or <c>coordination</c> (Pearson, target ≥ 0.95).
/// </summary>
public sealed record TerritoryTableSpec(string Name, string[] Columns, double[] Values, string Universe, string Family);

/// <summary>
/// One released person as the tables see it: its département and, per table (in the order of the specs), its column
/// (−1 when outside the table's universe) and its exact value of the table's index (the original the utility compares with).
/// </summary>
public sealed record TablePerson(string Departement, int[] Columns, double[] Values);

/// <summary>One published cell: territory (a département or <c>FR</c>), table, column (or <c>total</c>), persons (null when suppressed).</summary>
public readonly record struct TerritoryCell(string Territory, string Table, string Column, long? Persons);
