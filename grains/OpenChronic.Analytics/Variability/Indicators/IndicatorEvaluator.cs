using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>
/// Evaluates one indicator for one patient: from the timeline, the derived pathway and the demographics, the
/// denominator entries and outcomes the patient contributes in year Y, per unit of the requested level and in the
/// patient's age × sex stratum (age reached in Y). Stateless apart from the indicator; one instance serves every patient.
/// </summary>
public sealed class IndicatorEvaluator
{
    private readonly EventMatcher[] _outcome;
    private readonly (ulong Prefix, int Length)[] _diagnoses;
    private readonly (ulong Prefix, int Length)[] _excludedGhm;

    public IndicatorEvaluator(IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        Indicator = indicator;
        _outcome = [.. indicator.Outcome.AnyOf.Select(r => new EventMatcher(r))];
        _diagnoses = EventMatcher.Prefixes(indicator.Population.Diagnoses);
        _excludedGhm = EventMatcher.Prefixes(indicator.Population.ExcludedGhm);
    }

    public IndicatorDefinition Indicator { get; }

    /// <summary>
    /// The patient's contributions in <paramref name="year"/> at <paramref name="level"/>: none when the patient is
    /// not in the population; one per unit otherwise (unit "" when the patient has none at that level, e.g. no GP seen).
    /// <paramref name="dataEndDay"/> is the last day the data cover: stay indexes whose outcome window passes it are left out.
    /// </summary>
    public IReadOnlyList<IndicatorContribution> Evaluate(
        ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, PatientDemographics demographics, int year, UnitLevel level, int dataEndDay)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        ArgumentNullException.ThrowIfNull(demographics);
        if (!Indicator.Units.Contains(level))
        {
            throw new ArgumentException($"Indicator '{Indicator.Id}' is not compared by {IndicatorCatalogue.LevelName(level)}.", nameof(level));
        }

        var age = year - demographics.BirthYear;
        if (age < Indicator.Population.MinAge || demographics.BirthYear <= 0)
        {
            return [];
        }

        var stratum = AgeSexStrata.Of(age, demographics.Sex);
        var death = DeathDay(timeline, demographics);
        return Indicator.Index == IndicatorIndex.Patient
            ? EvaluatePatient(timeline, pathway, demographics, year, level, stratum, death)
            : EvaluateStays(timeline, demographics, year, level, stratum, death, dataEndDay);
    }

    private List<IndicatorContribution> EvaluatePatient(
        ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, PatientDemographics demographics, int year, UnitLevel level, int stratum, int death)
    {
        var conditions = Indicator.Population.Conditions;
        if (!pathway.Conditions.Any(c => c.Year == year && conditions.Contains(c.ConditionId)))
        {
            return [];
        }

        var yearEnd = new DateOnly(year, 12, 31).DayNumber;
        if (Indicator.Population.AliveAllYear && death <= yearEnd)
        {
            return [];
        }

        var from = new DateOnly(year - Indicator.Outcome.Years + 1, 1, 1).DayNumber;
        var met = CountOutcomeDays(timeline, from, yearEnd) >= Indicator.Outcome.MinDistinctDays;
        return [new IndicatorContribution(PatientUnit(timeline, demographics, year, level), stratum, 1, met ? 1 : 0)];
    }

    private List<IndicatorContribution> EvaluateStays(
        ReadOnlySpan<CareEvent> timeline, PatientDemographics demographics, int year, UnitLevel level, int stratum, int death, int dataEndDay)
    {
        var outcome = Indicator.Outcome;
        var byUnit = new List<IndicatorContribution>();
        string? patientUnit = null;
        foreach (var episode in StayEpisodes.Build(timeline))
        {
            if (DateOnly.FromDayNumber(episode.Discharge).Year != year || !Qualifies(timeline, episode)
                || death <= episode.Discharge || episode.Discharge + outcome.ToDay > dataEndDay
                || (Indicator.Population.ExcludeDeathInFollowUp && death <= episode.Discharge + outcome.ToDay))
            {
                continue;
            }

            var met = CountOutcomeDays(timeline, episode.Discharge + outcome.FromDay, episode.Discharge + outcome.ToDay) >= outcome.MinDistinctDays;
            var unit = level == UnitLevel.Establishment
                ? PackedCode.Unpack(episode.Establishment)
                : patientUnit ??= PatientUnit(timeline, demographics, year, level);
            var i = byUnit.FindIndex(c => c.Unit == unit);
            if (i < 0)
            {
                byUnit.Add(new IndicatorContribution(unit, stratum, 1, met ? 1 : 0));
            }
            else
            {
                var c = byUnit[i];
                byUnit[i] = c with { Denominator = c.Denominator + 1, Numerator = c.Numerator + (met ? 1 : 0) };
            }
        }

        return byUnit;
    }

    // An episode is an index when one of its stays is not excluded by its GHM and carries a listed diagnosis (any, if none listed).
    private bool Qualifies(ReadOnlySpan<CareEvent> timeline, StayEpisodes.Episode episode)
    {
        foreach (ref readonly var stay in timeline.Slice(episode.First, episode.Last - episode.First + 1))
        {
            if (stay.Kind != CareEventKind.HospitalStay || stay.Day < episode.Admission || stay.Day > episode.Discharge
                || EventMatcher.StartsWithAny(stay.Code, _excludedGhm))
            {
                continue;
            }

            if (_diagnoses.Length == 0 || HasDiagnosis(timeline, stay))
            {
                return true;
            }
        }

        return false;
    }

    // Diagnoses are dated on their stay's admission and carry its establishment.
    private bool HasDiagnosis(ReadOnlySpan<CareEvent> timeline, in CareEvent stay)
    {
        foreach (ref readonly var e in timeline)
        {
            if (e.Day > stay.Day)
            {
                break;
            }

            if (e.Kind == CareEventKind.Diagnosis && e.Day == stay.Day && e.Detail == stay.Detail
                && (PositionOf(e.Traits) & Indicator.Population.Positions) != 0 && EventMatcher.StartsWithAny(e.Code, _diagnoses))
            {
                return true;
            }
        }

        return false;
    }

    private static DiagnosisPosition PositionOf(CareEventTraits traits) =>
        (traits & CareEventTraits.Principal) != 0 ? DiagnosisPosition.Principal
        : (traits & CareEventTraits.Related) != 0 ? DiagnosisPosition.Related
        : (traits & CareEventTraits.Associated) != 0 ? DiagnosisPosition.Associated
        : DiagnosisPosition.None;

    private int CountOutcomeDays(ReadOnlySpan<CareEvent> timeline, int from, int to)
    {
        var days = 0;
        var lastDay = int.MinValue;
        foreach (ref readonly var e in timeline)
        {
            if (e.Day < from || e.Day == lastDay)
            {
                continue;
            }

            if (e.Day > to)
            {
                break;
            }

            foreach (var m in _outcome)
            {
                if (m.Matches(e))
                {
                    days++;
                    lastDay = e.Day;
                    break;
                }
            }
        }

        return days;
    }

    private static string PatientUnit(ReadOnlySpan<CareEvent> timeline, PatientDemographics demographics, int year, UnitLevel level) =>
        level == UnitLevel.Departement ? demographics.Departement ?? "" : MostSeenGp(timeline, year);

    /// <summary>The GP (specialty 1, 22 or 23) with the most community consultations of the patient in the year; ties go to the smallest number.</summary>
    public static string MostSeenGp(ReadOnlySpan<CareEvent> timeline, int year)
    {
        int from = new DateOnly(year, 1, 1).DayNumber, to = new DateOnly(year, 12, 31).DayNumber;
        var visits = new Dictionary<ulong, int>();
        foreach (ref readonly var e in timeline)
        {
            if (e.Day < from || e.Kind != CareEventKind.Consultation || (e.Traits & CareEventTraits.Hospital) != 0
                || !HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty) || e.Detail == 0)
            {
                continue;
            }

            if (e.Day > to)
            {
                break;
            }

            visits[e.Detail] = visits.GetValueOrDefault(e.Detail) + 1;
        }

        ulong best = 0;
        var most = 0;
        foreach (var (gp, n) in visits)
        {
            if (n > most || (n == most && gp < best))
            {
                (best, most) = (gp, n);
            }
        }

        return most == 0 ? "" : PackedCode.Unpack(best);
    }

    private static int DeathDay(ReadOnlySpan<CareEvent> timeline, PatientDemographics demographics)
    {
        var death = demographics.DeathDay ?? int.MaxValue;
        foreach (ref readonly var e in timeline)
        {
            if (e.Kind == CareEventKind.Death && e.Day < death)
            {
                death = e.Day;
            }
        }

        return death;
    }
}
