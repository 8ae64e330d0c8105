namespace OpenChronic.Analytics.Coordination;

/// <summary>One ambulatory visit: provider id, date and whether the provider is a general practitioner.</summary>
public readonly record struct Visit(string ProviderId, DateOnly Date, bool IsGeneralPractitioner);

/// <summary>Continuity indices of one patient (NaN where undefined, e.g. COC and SECON need at least two visits).</summary>
public readonly record struct ContinuityResult(
    int Visits,
    double BiceBoxerman,
    double UpcDeclaredGp,
    double UpcMostSeenGp,
    double Herfindahl,
    double Secon,
    double Mmci,
    int DistinctGps,
    int DistinctSpecialists);
