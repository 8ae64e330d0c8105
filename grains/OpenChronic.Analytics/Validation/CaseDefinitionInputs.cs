using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Validation;

/// <summary>
/// One condition of one person per the generator's truth: onset, ALD registration (if any) and the day the condition
/// stops being active (cancers: five years after onset; null when it never ends).
/// </summary>
public sealed record TrueCondition(string PatientId, string ConditionId, DateOnly Onset, DateOnly? AldStart, DateOnly? AldEnd, DateOnly? ActiveUntil);

/// <summary>A condition found in the database for a patient and year, with the rules that found it.</summary>
public sealed record DetectedCondition(string PatientId, int Year, string ConditionId, ConditionEvidence Evidence);

/// <summary>Sensitivity and PPV of one case definition in one year, with the reasons of misses and false positives.</summary>
public sealed record CaseDefinitionResult(
    string ConditionId,
    int Year,
    int TrueCases,
    int Detected,
    int TruePositives,
    IReadOnlyDictionary<string, int> MissedBy,
    IReadOnlyDictionary<string, int> FalsePositivesBy)
{
    /// <summary>True positives over true cases; NaN without true cases.</summary>
    public double Sensitivity => TrueCases == 0 ? double.NaN : (double)TruePositives / TrueCases;

    /// <summary>True positives over detected cases; NaN without detected cases.</summary>
    public double Ppv => Detected == 0 ? double.NaN : (double)TruePositives / Detected;
}
