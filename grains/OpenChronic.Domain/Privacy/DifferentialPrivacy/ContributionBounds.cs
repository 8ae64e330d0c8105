namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// How much one person may weigh on a release: at most <see cref="MaxCellsPerPerson"/> cells (L0) and at most
/// <see cref="MaxPerCell"/> in each cell (L∞). Counting distinct patients per cell is L∞ = 1.
/// </summary>
public readonly record struct ContributionBounds
{
    /// <summary>Creates bounds; both must be positive.</summary>
    public ContributionBounds(int maxCellsPerPerson, long maxPerCell)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCellsPerPerson);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerCell);
        MaxCellsPerPerson = maxCellsPerPerson;
        MaxPerCell = maxPerCell;
    }

    /// <summary>L0: the number of cells one person may contribute to.</summary>
    public int MaxCellsPerPerson { get; }

    /// <summary>L∞: the largest absolute contribution of one person to one cell.</summary>
    public long MaxPerCell { get; }

    /// <summary>L1 sensitivity of the vector of cell totals: L0 · L∞.</summary>
    public long L1Sensitivity => checked(MaxCellsPerPerson * MaxPerCell);

    /// <summary>Squared L2 sensitivity of the vector of cell totals: L0 · L∞².</summary>
    public long L2SensitivitySquared => checked(MaxCellsPerPerson * MaxPerCell * MaxPerCell);
}

/// <summary>One input row: a person (privacy unit, e.g. BEN_IDT_ANO), the cell it falls in, and its value.</summary>
public readonly record struct ContributionRow(string PersonId, string CellKey, long Value);
