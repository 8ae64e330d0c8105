namespace OpenChronic.Domain.Pathways;

/// <summary>The kinds of event a patient timeline holds.</summary>
public enum CareEventKind : byte
{
    /// <summary>A drug dispensation (DCIR ER_PHA_F): code = ATC, detail = CIP13, value = boxes (signed).</summary>
    Dispensation = 1,

    /// <summary>A consultation or visit (DCIR ER_PRS_F): code = nature of prestation, detail = professional, specialty set.</summary>
    Consultation = 2,

    /// <summary>A CCAM act (DCIR ER_CAM_F or PMSI T_MCOaaA): code = CCAM, detail = professional or establishment.</summary>
    Act = 3,

    /// <summary>A biology test (DCIR ER_BIO_F): code = NABM, value = quantity.</summary>
    Biology = 4,

    /// <summary>A hospital stay (PMSI T_MCOaaB/C): day = admission, end day = discharge, detail = establishment, code = GHM.</summary>
    HospitalStay = 5,

    /// <summary>A hospital diagnosis (DP, DR, DAS): day = admission of its stay, code = ICD-10, traits = position.</summary>
    Diagnosis = 6,

    /// <summary>An ALD registration (IR_IMB_R): day = start, end day = end (or open), code = ICD-10, value = ALD number.</summary>
    AldRegistration = 7,

    /// <summary>Death (IR_BEN_R / KI_CCI_R / PMSI exit mode 9): code = initial cause ICD-10 when known.</summary>
    Death = 8,
}

/// <summary>Traits (bit flags) carried by each event.</summary>
[Flags]
public enum CareEventTraits : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>Care delivered by a hospital (public or private establishment) rather than in the community (ville).</summary>
    Hospital = 1,

    /// <summary>A large-pack dispensation (three months).</summary>
    LargePack = 2,

    /// <summary>Principal diagnosis.</summary>
    Principal = 4,

    /// <summary>Related diagnosis.</summary>
    Related = 8,

    /// <summary>Associated diagnosis.</summary>
    Associated = 16,

    /// <summary>The claim was exonerated in relation to an ALD (EXO_MTF 42/44/46).</summary>
    AldRelated = 32,
}
