namespace OpenChronic.Domain.Cohorts;

/// <summary>
/// The demographics a cohort definition reads (no identifier): sex (1 man, 2 woman, 0 unknown), birth year and month
/// (0 when unknown), département (<c>IR_DPT_V</c>, 3 characters), commune (3 characters) and the day of death
/// (<see cref="DateOnly.DayNumber"/>) when known.
/// </summary>
public readonly record struct CohortPerson(byte Sex, int BirthYear, int BirthMonth, string Departement, string Commune, int? DeathDay);
