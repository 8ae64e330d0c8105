using System.Collections.Immutable;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Cohorts;

/// <summary>
/// Decides whether one person belongs to a cohort, from their timeline, derived pathway and demographics: finds the
/// index date, applies the criteria in order (the first that fails is the person's attrition step) and builds the
/// member row. Pure and stateless apart from the catalogue; one instance serves every patient.
/// </summary>
public sealed class CohortEvaluator(CaseDefinitionCatalogue catalogue)
{
    private readonly Nomenclature _departements = NomenclatureSet.Default.Get("IR_DPT_V");

    public static CohortEvaluator Default { get; } = new(CaseDefinitionCatalogue.Default);

    /// <summary>The région code (<c>GEO_REG_COD</c>) of a département, or null when it is not in <c>IR_DPT_V</c>.</summary>
    public string? RegionOf(string departement) => _departements.Value(departement, "GEO_REG_COD");

    public CohortEvaluation Evaluate(CohortDefinition definition, ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, CohortPerson? person)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(pathway);

        // A person without a beneficiary profile has no age, sex or residence: not eligible, counted at the first step.
        if (person is not { } p || IndexDate(definition, timeline, pathway) is not { } index)
        {
            return new CohortEvaluation(0, null);
        }

        var deathDay = DeathDay(timeline, p);
        var age = AgeAt(p, index);
        for (var i = 0; i < definition.Criteria.Length; i++)
        {
            var c = definition.Criteria[i];
            if (Matches(c, timeline, pathway, p, index, age, deathDay) == c.Exclude)
            {
                return new CohortEvaluation(i + 1, null);
            }
        }

        return new CohortEvaluation(-1, Member(definition, timeline, pathway, p, index, age, deathDay));
    }

    /// <summary>Age in whole years on <paramref name="date"/> (birth month used when known), never negative.</summary>
    public static int AgeAt(CohortPerson person, DateOnly date)
    {
        var age = date.Year - person.BirthYear - (person.BirthMonth > date.Month ? 1 : 0);
        return Math.Max(0, age);
    }

    private bool Matches(CohortCriterion criterion, ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, CohortPerson person,
        DateOnly index, int age, int? deathDay) => criterion switch
        {
            ConditionCriterion c => pathway.Conditions.Any(y => y.ConditionId == c.ConditionId && c.Years.Contains(y.Year)),
            AldCriterion c => FirstAldActive(pathway, c.Numbers, c.From, c.To) is not null,
            CodeCriterion c => CountCodes(timeline, c) >= c.MinEvents,
            AgeCriterion c => (c.Min is not { } lo || age >= lo) && (c.Max is not { } hi || age <= hi),
            SexCriterion c => person.Sex == c.Sex,
            TerritoryCriterion c => c.Departements.Contains(person.Departement)
                || (RegionOf(person.Departement) is { } region && c.Regions.Contains(region)),
            AliveCriterion => deathDay is not { } d || d >= index.DayNumber,
            _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
        };

    private DateOnly? IndexDate(CohortDefinition definition, ReadOnlySpan<CareEvent> timeline, PatientPathway pathway)
    {
        switch (definition.Index.Rule)
        {
            case IndexDateRule.YearStart:
                return new DateOnly(definition.Index.Year, 1, 1);
            case IndexDateRule.FirstAld:
                DateOnly? first = null;
                foreach (var e in pathway.AldEpisodes)
                {
                    if ((definition.Index.AldNumbers.IsEmpty || definition.Index.AldNumbers.Contains(e.AldNumber))
                        && e.Start <= definition.To && (first is null || e.Start < first))
                    {
                        first = e.Start;
                    }
                }

                return first;
            default:
                DateOnly? earliest = null;
                foreach (var c in definition.Criteria)
                {
                    if (c.Exclude)
                    {
                        continue;
                    }

                    var day = c switch
                    {
                        ConditionCriterion cc => FirstConditionEvent(timeline, pathway, cc.ConditionId, definition.From, definition.To),
                        AldCriterion ac => FirstAldActive(pathway, ac.Numbers, Max(ac.From, definition.From), Min(ac.To, definition.To)),
                        CodeCriterion code => FirstCode(timeline, code.System, code.Prefixes, Max(code.From, definition.From), Min(code.To, definition.To)),
                        _ => null,
                    };
                    if (day is { } d && (earliest is null || d < earliest))
                    {
                        earliest = d;
                    }
                }

                return earliest;
        }
    }

    // The first day in [from, to] on which one of the condition's case-definition rules sees an event.
    private DateOnly? FirstConditionEvent(ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, string conditionId, DateOnly from, DateOnly to)
    {
        var definition = catalogue.Conditions.First(d => d.Id == conditionId);
        DateOnly? first = definition.Ald is { } ald ? FirstAldActive(pathway, ald.Numbers, from, to, ald.IcdPrefixes) : null;
        foreach (ref readonly var e in timeline)
        {
            if (e.Date < from || e.Date > to || (first is { } f && e.Date >= f))
            {
                continue;
            }

            var code = PackedCode.Unpack(e.Code);
            var hit = e.Kind switch
            {
                CareEventKind.Diagnosis => definition.Hospital.Any(r => CodePrefixes.StartsWithAny(code, r.IcdPrefixes.AsSpan()) && !CodePrefixes.StartsWithAny(code, r.ExcludedPrefixes.AsSpan())),
                CareEventKind.Dispensation => e.Value > 0 && definition.Drugs is { } drugs && CodePrefixes.StartsWithAny(code, drugs.AtcPrefixes.AsSpan()),
                CareEventKind.Act => definition.Acts is { } acts && CodePrefixes.StartsWithAny(code, acts.CcamPrefixes.AsSpan()),
                _ => false,
            };
            if (hit)
            {
                first = e.Date;
            }
        }

        return first;
    }

    // The first day in [from, to] covered by an ALD episode with one of the numbers (any when empty).
    private static DateOnly? FirstAldActive(PatientPathway pathway, ImmutableArray<int> numbers, DateOnly from, DateOnly to, ImmutableArray<string> icd = default)
    {
        DateOnly? first = null;
        foreach (var e in pathway.AldEpisodes)
        {
            if ((!numbers.IsEmpty && !numbers.Contains(e.AldNumber)) || (!icd.IsDefaultOrEmpty && !CodePrefixes.StartsWithAny(e.Icd10, icd.AsSpan())))
            {
                continue;
            }

            if (e.Start <= to && (e.End is not { } end || end >= from))
            {
                var day = Max(e.Start, from);
                if (first is null || day < first)
                {
                    first = day;
                }
            }
        }

        return first;
    }

    private static DateOnly? FirstCode(ReadOnlySpan<CareEvent> timeline, CodeSystem system, ImmutableArray<string> prefixes, DateOnly from, DateOnly to)
    {
        foreach (ref readonly var e in timeline)
        {
            if (e.Date >= from && e.Date <= to && IsCode(e, system, prefixes))
            {
                return e.Date;
            }
        }

        return null;
    }

    private static int CountCodes(ReadOnlySpan<CareEvent> timeline, CodeCriterion c)
    {
        var n = 0;
        foreach (ref readonly var e in timeline)
        {
            if (e.Date >= c.From && e.Date <= c.To && IsCode(e, c.System, c.Prefixes))
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsCode(in CareEvent e, CodeSystem system, ImmutableArray<string> prefixes) => system switch
    {
        CodeSystem.Icd10 => e.Kind == CareEventKind.Diagnosis && CodePrefixes.StartsWithAny(PackedCode.Unpack(e.Code), prefixes.AsSpan()),
        CodeSystem.Atc => e.Kind == CareEventKind.Dispensation && e.Value > 0 && CodePrefixes.StartsWithAny(PackedCode.Unpack(e.Code), prefixes.AsSpan()),
        _ => e.Kind == CareEventKind.Act && CodePrefixes.StartsWithAny(PackedCode.Unpack(e.Code), prefixes.AsSpan()),
    };

    private static CohortMember Member(CohortDefinition definition, ReadOnlySpan<CareEvent> timeline, PatientPathway pathway, CohortPerson person,
        DateOnly index, int age, int? deathDay)
    {
        var end = index.AddDays(definition.FollowUpDays - 1);
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (ref readonly var e in timeline)
        {
            if (e.Date < index || e.Date > end)
            {
                continue;
            }

            if (e.Kind == CareEventKind.Diagnosis)
            {
                codes.Add("icd:" + PackedCode.Unpack(e.Code));
            }
            else if (e.Kind == CareEventKind.Dispensation && e.Value > 0)
            {
                codes.Add("atc:" + PackedCode.Unpack(e.Code));
            }
        }

        var cohortConditions = definition.Criteria.OfType<ConditionCriterion>().Where(c => !c.Exclude).Select(c => c.ConditionId).ToHashSet(StringComparer.Ordinal);
        var others = pathway.Conditions
            .Where(c => c.Year >= definition.From.Year && c.Year <= definition.To.Year && !cohortConditions.Contains(c.ConditionId))
            .Select(c => c.ConditionId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var episodes = pathway.HospitalEpisodes.Count(h => h.Admission >= index && h.Admission <= end);
        var deceased = deathDay is { } d && d >= index.DayNumber && d <= end.DayNumber;
        return new CohortMember(age, person.Sex, person.Departement, person.Commune, index,
            others.Count == 0 ? "none" : string.Join('+', others), episodes, deceased, [.. codes]);
    }

    private static int? DeathDay(ReadOnlySpan<CareEvent> timeline, CohortPerson person)
    {
        var day = person.DeathDay;
        foreach (ref readonly var e in timeline)
        {
            if (e.Kind == CareEventKind.Death && (day is null || e.Day < day))
            {
                day = e.Day;
            }
        }

        return day;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
