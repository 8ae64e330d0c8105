namespace OpenChronic.Analytics.Pathways;

/// <summary>
/// The most intensive setting of care a patient received in a period, in decreasing order of intensity: a period with
/// a hospital stay is "hospital" whatever else happened in it.
/// </summary>
public enum CareSetting
{
    /// <summary>Dead before the period started.</summary>
    Deceased,

    /// <summary>At least one hospital stay.</summary>
    Hospital,

    /// <summary>No stay, at least one consultation of a community specialist.</summary>
    Specialist,

    /// <summary>No stay nor specialist, at least one general-practitioner consultation.</summary>
    GeneralPractitioner,

    /// <summary>Dispensations (or biology, acts) only.</summary>
    OtherCare,

    /// <summary>Nothing reimbursed in the period.</summary>
    NoCare,
}
