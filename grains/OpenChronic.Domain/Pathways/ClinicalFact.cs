namespace OpenChronic.Domain.Pathways;

/// <summary>What kind of care event a <see cref="ClinicalFact"/> records.</summary>
public enum ClinicalFactKind
{
    /// <summary>A drug dispensation; the code is the ATC class of the CIP13 dispensed.</summary>
    Dispensation,

    /// <summary>A hospital diagnosis (PMSI); the code is ICD-10 without dot, the position says DP/DR/DAS.</summary>
    Diagnosis,

    /// <summary>A medical act (CCAM code), in the community or in hospital.</summary>
    Act,

    /// <summary>An ALD registration (IR_IMB_R); the code is the ICD-10 of <c>MED_MTF_COD</c>, <see cref="ClinicalFact.AldNumber"/> its ALD.</summary>
    AldRegistration,
}

/// <summary>Where a hospital diagnosis was coded.</summary>
public enum DiagnosisPosition : byte
{
    /// <summary>Not a diagnosis.</summary>
    None = 0,

    /// <summary>Principal diagnosis (<c>DGN_PAL</c>).</summary>
    Principal = 1,

    /// <summary>Related diagnosis (<c>DGN_REL</c>).</summary>
    Related = 2,

    /// <summary>Associated diagnosis (<c>ASS_DGN</c>, T_MCOaaD).</summary>
    Associated = 4,
}

/// <summary>
/// One fact of a patient's pathway that a case definition can use: dated, with its code.
/// Codes are normalized: upper case, no dot (ICD-10 <c>E110</c>, ATC <c>A10BA02</c>).
/// </summary>
/// <param name="Kind">What the fact is.</param>
/// <param name="Date">Care date (start of an ALD registration, dispensation date, stay admission).</param>
/// <param name="Code">ICD-10, ATC or CCAM code.</param>
/// <param name="Position">Diagnosis position, for <see cref="ClinicalFactKind.Diagnosis"/>.</param>
/// <param name="LargePack">True for a large-pack dispensation (three months of treatment).</param>
/// <param name="End">End of an ALD registration, or null when open-ended.</param>
/// <param name="AldNumber">ALD number (1–32) of a registration, 0 otherwise.</param>
public readonly record struct ClinicalFact(
    ClinicalFactKind Kind,
    DateOnly Date,
    string Code,
    DiagnosisPosition Position = DiagnosisPosition.None,
    bool LargePack = false,
    DateOnly? End = null,
    int AldNumber = 0);
