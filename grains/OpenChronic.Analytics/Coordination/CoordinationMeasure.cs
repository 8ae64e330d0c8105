namespace OpenChronic.Analytics.Coordination;

/// <summary>Distributions a <see cref="CoordinationTally"/> keeps as histograms (with a count of undefined values and a sum).</summary>
public enum CoordinationMeasure
{
    /// <summary>Bice–Boxerman COC over community physicians.</summary>
    Coc,

    /// <summary>UPC of the most-seen GP over community physician visits.</summary>
    UpcMostSeenGp,

    /// <summary>UPC of the declared médecin traitant (undefined when the extract does not carry it).</summary>
    UpcDeclaredGp,

    /// <summary>Herfindahl index over community physicians.</summary>
    Herfindahl,

    /// <summary>Sequential continuity (SECON) over community physicians.</summary>
    Secon,

    /// <summary>Modified modified continuity index (MMCI) over community physicians.</summary>
    Mmci,

    /// <summary>Bice–Boxerman COC over GP visits only.</summary>
    GpCoc,

    /// <summary>Share of GP visits with the most-seen GP.</summary>
    GpUpc,

    /// <summary>Community physician visits in the year.</summary>
    Visits,

    /// <summary>Distinct GPs seen.</summary>
    DistinctGps,

    /// <summary>Distinct other physicians seen.</summary>
    DistinctSpecialists,

    /// <summary>Care density (Pollack): mean patients shared by the pairs of the patient's providers.</summary>
    CareDensity,

    /// <summary>Days from discharge to the first GP contact (undefined: none within 90 days).</summary>
    DaysToGp,

    /// <summary>Days from discharge to the first specialist contact (undefined: none within 90 days).</summary>
    DaysToSpecialist,
}

/// <summary>Counters a <see cref="CoordinationTally"/> keeps.</summary>
public enum CoordinationCount
{
    /// <summary>Cohort persons whose indices were computed.</summary>
    Persons,

    /// <summary>Persons with at least one index stay.</summary>
    StayPersons,

    /// <summary>Index stays.</summary>
    Stays,

    /// <summary>Index stays with a GP contact within 7 days of discharge.</summary>
    GpWithin7,

    /// <summary>Index stays with a GP contact within 30 days.</summary>
    GpWithin30,

    /// <summary>Index stays with a specialist contact within 7 days.</summary>
    SpecialistWithin7,

    /// <summary>Index stays with a specialist contact within 30 days.</summary>
    SpecialistWithin30,

    /// <summary>Index stays followed by a readmission within 30 days.</summary>
    ReadmittedWithin30,

    /// <summary>Index stays preceded by a GP contact in the prior window.</summary>
    PriorGp,

    /// <summary>Index stays whose background window was observable.</summary>
    BackgroundObserved,

    /// <summary>Of those, stays with a GP contact in the background window.</summary>
    BackgroundGp,
}
