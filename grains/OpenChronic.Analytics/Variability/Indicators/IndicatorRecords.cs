namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>What an indicator needs to know of a patient besides the timeline (no identifier).</summary>
/// <param name="Sex">1 man, 2 woman, 0 unknown (IR_SEX_V).</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="Departement">Département of residence (IR_DPT_V), or null when unknown.</param>
/// <param name="DeathDay">Day number of death, or null.</param>
public sealed record PatientDemographics(byte Sex, int BirthYear, string? Departement, int? DeathDay);

/// <summary>One patient's part of an indicator for one unit: denominator entries and those meeting the outcome, in one age × sex stratum.</summary>
/// <param name="Unit">Unit id (département code, ETA_NUM, GP number); empty when the patient has no unit at that level.</param>
/// <param name="Stratum">Age × sex stratum (<see cref="AgeSexStrata"/>).</param>
/// <param name="Denominator">Denominator entries (1 for a patient index, the episodes for a stay index).</param>
/// <param name="Numerator">Entries meeting the outcome.</param>
public readonly record struct IndicatorContribution(string Unit, int Stratum, int Denominator, int Numerator);

/// <summary>Counts of one unit in one stratum, merged over patients: entries, outcomes and the distinct persons behind them.</summary>
/// <param name="Unit">Unit id; empty for patients with no unit.</param>
/// <param name="Stratum">Age × sex stratum.</param>
/// <param name="Denominator">Denominator entries.</param>
/// <param name="Numerator">Entries meeting the outcome.</param>
/// <param name="Persons">Distinct persons with a denominator entry.</param>
/// <param name="NumeratorPersons">Distinct persons with an entry meeting the outcome.</param>
public readonly record struct UnitStratumCount(string Unit, int Stratum, long Denominator, long Numerator, long Persons, long NumeratorPersons);
