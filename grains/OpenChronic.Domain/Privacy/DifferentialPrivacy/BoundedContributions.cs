using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Cell totals after contribution bounding, with what the bounding removed (its bias is reported, not hidden).
/// </summary>
/// <param name="Bounds">The bounds applied.</param>
/// <param name="CellTotals">Per cell, the sum of the clipped contributions of the persons kept in it.</param>
/// <param name="Persons">Distinct persons in the input.</param>
/// <param name="PersonsOverCellLimit">Persons who had more than L0 cells (some of their cells were dropped).</param>
/// <param name="DroppedPersonCells">Person-cell pairs dropped by the L0 bound.</param>
/// <param name="ClippedPersonCells">Person-cell pairs whose total was clipped to ±L∞.</param>
/// <param name="RemovedMass">Sum over dropped and clipped pairs of the absolute value removed.</param>
public sealed record BoundedContributions(
    ContributionBounds Bounds,
    ImmutableSortedDictionary<string, long> CellTotals,
    int Persons,
    int PersonsOverCellLimit,
    long DroppedPersonCells,
    long ClippedPersonCells,
    long RemovedMass);
