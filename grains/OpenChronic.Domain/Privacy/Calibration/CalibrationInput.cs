using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// What a calibration works on: the quasi-identifiers of the cohort's members (one row per person, e.g. age,
/// sex, commune), and optionally each member's set of condition codes with the hierarchy they generalize along
/// (published under k^m-anonymity and attacked as the secret of the inference attack). A cohort grain's member
/// rows or a microdata file are turned into this.
/// </summary>
public sealed record CalibrationInput
{
    /// <summary>Creates the input; the condition sets, when given, are aligned with the table's rows.</summary>
    public CalibrationInput(QuasiIdentifierTable table, IReadOnlyList<IReadOnlyList<string>>? conditionSets = null, GeneralizationHierarchy? conditionHierarchy = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.RowCount < 4)
        {
            throw new ArgumentException("A calibration needs at least 4 persons.", nameof(table));
        }

        if ((conditionSets is null) != (conditionHierarchy is null))
        {
            throw new ArgumentException("Condition sets need their hierarchy and vice versa.", nameof(conditionSets));
        }

        if (conditionSets is not null && conditionSets.Count != table.RowCount)
        {
            throw new ArgumentException($"{conditionSets.Count} condition sets for {table.RowCount} persons.", nameof(conditionSets));
        }

        Table = table;
        ConditionSets = conditionSets;
        ConditionHierarchy = conditionHierarchy;
    }

    /// <summary>The quasi-identifiers, one row per person.</summary>
    public QuasiIdentifierTable Table { get; }

    /// <summary>Each person's condition codes, or null.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? ConditionSets { get; }

    /// <summary>The hierarchy of the condition codes (e.g. ICD-10), or null.</summary>
    public GeneralizationHierarchy? ConditionHierarchy { get; }
}
