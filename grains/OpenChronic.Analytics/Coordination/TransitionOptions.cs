using System.Collections.Immutable;

namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// Which hospital stays are index stays of a hospital → community transition measure, and the windows around them.
/// Defaults follow the HAS heart-failure case: principal diagnosis I50, GP contact before admission looked for in
/// the 30 days before, admissions within 30 days of a previous discharge are readmissions (not index stays).
/// </summary>
public sealed record TransitionOptions
{
    /// <summary>ICD-10 prefixes of the principal diagnosis (DP) of an index stay.</summary>
    public ImmutableArray<string> PrincipalDiagnoses { get; init; } = ["I50"];

    /// <summary>Days before admission searched for a GP contact (the window is [admission − days, admission − 1]).</summary>
    public int PriorWindowDays { get; init; } = 30;

    /// <summary>Follow-up days after discharge that must be observed (and the readmission window).</summary>
    public int FollowUpDays { get; init; } = 30;

    /// <summary>An admission starting within this many days after a previous discharge is a readmission, not an index stay.</summary>
    public int IndexExclusionDays { get; init; } = 30;

    /// <summary>First day after discharge of the background window (the patient's usual GP contact rate, away from the stay).</summary>
    public int BackgroundStartDay { get; init; } = 60;

    /// <summary>Length of the background window in days; 8, like the window [discharge, discharge + 7].</summary>
    public int BackgroundDays { get; init; } = 8;

    /// <summary>Last day (<see cref="DateOnly.DayNumber"/>) the data covers: stays whose follow-up runs past it are not index stays.</summary>
    public int LastObservedDay { get; init; } = int.MaxValue;

    /// <summary>Count hospital (outpatient) consultations as contacts too; by default only community (ville) ones.</summary>
    public bool IncludeHospitalConsultations { get; init; }

    /// <summary>Default options (heart failure, I50).</summary>
    public static TransitionOptions Default { get; } = new();
}

/// <summary>
/// One index stay (an episode of stays chained by transfers) and what surrounded it. Days are counted from the
/// discharge day (0 = the discharge day itself); null when the contact or readmission did not happen.
/// </summary>
/// <param name="AdmissionDay">First admission (<see cref="DateOnly.DayNumber"/>).</param>
/// <param name="DischargeDay">Last discharge.</param>
/// <param name="Establishment">Establishment of the stay with the matching principal diagnosis (packed ETA_NUM).</param>
/// <param name="DaysToGp">Days to the first GP contact on or after discharge.</param>
/// <param name="DaysToSpecialist">Days to the first contact with another physician specialty.</param>
/// <param name="DaysToReadmission">Days to the next admission (any diagnosis).</param>
/// <param name="PriorGp">A GP contact in the window before admission.</param>
/// <param name="BackgroundGp">A GP contact in the background window; null when that window is not observable (death, stay, end of data).</param>
public readonly record struct IndexStay(
    int AdmissionDay,
    int DischargeDay,
    ulong Establishment,
    int? DaysToGp,
    int? DaysToSpecialist,
    int? DaysToReadmission,
    bool PriorGp,
    bool? BackgroundGp)
{
    public bool GpWithin(int days) => DaysToGp is { } d && d <= days;

    public bool SpecialistWithin(int days) => DaysToSpecialist is { } d && d <= days;

    public bool ReadmittedWithin(int days) => DaysToReadmission is { } d && d <= days;
}
