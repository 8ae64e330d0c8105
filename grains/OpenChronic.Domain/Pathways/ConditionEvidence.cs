namespace OpenChronic.Domain.Pathways;

/// <summary>Which rules of a case definition matched (several may).</summary>
[Flags]
public enum ConditionEvidence : byte
{
    /// <summary>No rule matched.</summary>
    None = 0,

    /// <summary>An ALD registration active in the year.</summary>
    Ald = 1,

    /// <summary>A hospital diagnosis in the year or its lookback.</summary>
    Hospital = 2,

    /// <summary>Enough dispensation dates in the year.</summary>
    Drugs = 4,

    /// <summary>A specific act in the year or its lookback.</summary>
    Acts = 8,
}

/// <summary>A condition found for a patient in a year, with the rules that found it.</summary>
public readonly record struct ConditionYear(string ConditionId, int Year, ConditionEvidence Evidence);
