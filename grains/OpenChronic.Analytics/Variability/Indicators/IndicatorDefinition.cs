using System.Collections.Immutable;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>
/// A care-quality indicator of the catalogue (<c>indicators.json</c>): who is counted in the denominator, when the
/// numerator is met, and the units it may be compared between.
/// </summary>
/// <param name="Id">Stable identifier (the synthetic generator's truth uses the same ids).</param>
/// <param name="Label">Human label.</param>
/// <param name="Index">What one denominator is: a patient of the population, or a hospitalisation episode.</param>
/// <param name="Population">Who (or which episodes) enter the denominator.</param>
/// <param name="Outcome">When a denominator entry counts in the numerator.</param>
/// <param name="Units">The units of comparison the indicator supports.</param>
public sealed record IndicatorDefinition(
    string Id,
    string Label,
    IndicatorIndex Index,
    PopulationRule Population,
    OutcomeRule Outcome,
    ImmutableArray<UnitLevel> Units);

/// <summary>
/// The denominator. Patient index: one of <paramref name="Conditions"/> (case-definition ids) present in year Y.
/// Stay index: an episode discharged in Y with a stay whose diagnosis starts with one of <paramref name="Diagnoses"/>
/// in <paramref name="Positions"/> (any stay when empty) and whose GHM starts with none of <paramref name="ExcludedGhm"/>.
/// Episodes ending in death are never indexes.
/// </summary>
/// <param name="Conditions">Case-definition ids (patient index).</param>
/// <param name="Diagnoses">ICD-10 prefixes of the index stay (stay index).</param>
/// <param name="Positions">Diagnosis positions that count.</param>
/// <param name="ExcludedGhm">GHM prefixes of stays that are never indexes (sessions: 28).</param>
/// <param name="MinAge">Minimum age reached in Y.</param>
/// <param name="AliveAllYear">Patient index: exclude patients who die in Y.</param>
/// <param name="ExcludeDeathInFollowUp">Stay index: exclude episodes followed by death within the outcome window.</param>
public sealed record PopulationRule(
    ImmutableArray<string> Conditions,
    ImmutableArray<string> Diagnoses,
    DiagnosisPosition Positions,
    ImmutableArray<string> ExcludedGhm,
    int MinAge,
    bool AliveAllYear,
    bool ExcludeDeathInFollowUp);

/// <summary>
/// The numerator: events matching any of <paramref name="AnyOf"/> on at least <paramref name="MinDistinctDays"/>
/// distinct days in the window — the <paramref name="Years"/> calendar years ending with Y (patient index), or days
/// [<paramref name="FromDay"/>, <paramref name="ToDay"/>] after discharge (stay index).
/// </summary>
public sealed record OutcomeRule(ImmutableArray<EventRule> AnyOf, int MinDistinctDays, int Years, int FromDay, int ToDay);

/// <summary>
/// Events of one <paramref name="Kind"/> whose code starts with one of <paramref name="Codes"/> (any when empty) and
/// with none of <paramref name="ExcludedCodes"/>, by one of <paramref name="Specialties"/> (any when empty), in the
/// community only when <paramref name="CommunityOnly"/>.
/// </summary>
public sealed record EventRule(
    CareEventKind Kind,
    ImmutableArray<string> Codes,
    ImmutableArray<string> ExcludedCodes,
    ImmutableArray<short> Specialties,
    bool CommunityOnly);
