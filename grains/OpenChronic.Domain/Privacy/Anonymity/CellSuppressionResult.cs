using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>Why a cell of an aggregate table is hidden (or not).</summary>
public enum CellStatus : byte
{
    Published,

    /// <summary>Below the minimum cell size.</summary>
    Primary,

    /// <summary>Hidden so that a primary cell cannot be recomputed from the margins.</summary>
    Complementary,

    /// <summary>Hidden on request (e.g. a difference with an earlier release would reveal a small count).</summary>
    Forced,
}

/// <summary>
/// An aggregate table after small-cell suppression, margins included: row <see cref="Rows"/> holds the column
/// totals and column <see cref="Columns"/> the row totals (the grand total at their crossing).
/// </summary>
public sealed record CellSuppressionResult(int Rows, int Columns, int Threshold, ImmutableArray<long> Counts, ImmutableArray<CellStatus> Status)
{
    public CellStatus StatusOf(int row, int column) => Status[Index(row, column)];

    /// <summary>The published value of a cell (margins: row == Rows or column == Columns), or null when hidden.</summary>
    public long? Published(int row, int column) =>
        Status[Index(row, column)] == CellStatus.Published ? Counts[Index(row, column)] : null;

    public int PrimaryCount => Status.Count(s => s == CellStatus.Primary);

    public int ComplementaryCount => Status.Count(s => s == CellStatus.Complementary);

    public int ForcedCount => Status.Count(s => s == CellStatus.Forced);

    private int Index(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, Columns);
        return (row * (Columns + 1)) + column;
    }
}
