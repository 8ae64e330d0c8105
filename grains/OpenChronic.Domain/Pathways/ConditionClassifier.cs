namespace OpenChronic.Domain.Pathways;

/// <summary>
/// Applies a <see cref="CaseDefinitionCatalogue"/> to one patient's facts: which chronic conditions the patient has
/// in a year, and by which rules. Pure and allocation-light; one instance serves any number of patients.
/// </summary>
public sealed class ConditionClassifier
{
    private readonly CaseDefinitionCatalogue _catalogue;

    public ConditionClassifier(CaseDefinitionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
    }

    /// <summary>The conditions present in <paramref name="year"/>, in catalogue order.</summary>
    public IReadOnlyList<ConditionYear> Classify(ReadOnlySpan<ClinicalFact> facts, int year)
    {
        List<ConditionYear>? found = null;
        foreach (var definition in _catalogue.Conditions)
        {
            var evidence = Evaluate(definition, facts, year);
            if (evidence != ConditionEvidence.None)
            {
                (found ??= []).Add(new ConditionYear(definition.Id, year, evidence));
            }
        }

        return found ?? (IReadOnlyList<ConditionYear>)[];
    }

    /// <summary>Which rules of <paramref name="definition"/> match the facts for <paramref name="year"/>.</summary>
    public static ConditionEvidence Evaluate(CaseDefinition definition, ReadOnlySpan<ClinicalFact> facts, int year)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var evidence = ConditionEvidence.None;
        var drugDates = 0;
        var largePack = false;
        Span<int> seenDrugDays = stackalloc int[64];
        HashSet<int>? moreDrugDays = null;

        foreach (ref readonly var f in facts)
        {
            switch (f.Kind)
            {
                case ClinicalFactKind.AldRegistration when definition.Ald is { } ald:
                    if (f.Date <= yearEnd && IsOpenAt(f.End, yearStart) && ald.Numbers.Contains(f.AldNumber) &&
                        (ald.IcdPrefixes.IsEmpty || CodePrefixes.StartsWithAny(f.Code, ald.IcdPrefixes.AsSpan())))
                    {
                        evidence |= ConditionEvidence.Ald;
                    }

                    break;
                case ClinicalFactKind.Diagnosis:
                    foreach (var rule in definition.Hospital)
                    {
                        if ((rule.Positions & f.Position) != 0 && f.Date.Year <= year && f.Date.Year >= year - rule.LookbackYears &&
                            CodePrefixes.StartsWithAny(f.Code, rule.IcdPrefixes.AsSpan()) && !CodePrefixes.StartsWithAny(f.Code, rule.ExcludedPrefixes.AsSpan()))
                        {
                            evidence |= ConditionEvidence.Hospital;
                        }
                    }

                    break;
                case ClinicalFactKind.Dispensation when definition.Drugs is { } drugs:
                    if (f.Date.Year == year && CodePrefixes.StartsWithAny(f.Code, drugs.AtcPrefixes.AsSpan()))
                    {
                        largePack |= f.LargePack;
                        var day = f.Date.DayNumber;
                        if (AddDistinct(day, seenDrugDays, drugDates, ref moreDrugDays))
                        {
                            drugDates++;
                        }
                    }

                    break;
                case ClinicalFactKind.Act when definition.Acts is { } acts:
                    if (f.Date.Year <= year && f.Date.Year >= year - acts.LookbackYears && CodePrefixes.StartsWithAny(f.Code, acts.CcamPrefixes.AsSpan()))
                    {
                        evidence |= ConditionEvidence.Acts;
                    }

                    break;
                default:
                    break;
            }
        }

        if (definition.Drugs is { } d && drugDates > 0 &&
            drugDates >= (largePack ? Math.Min(d.MinDates, d.MinDatesWithLargePack) : d.MinDates))
        {
            evidence |= ConditionEvidence.Drugs;
        }

        return evidence;
    }

    private static bool IsOpenAt(DateOnly? end, DateOnly date) =>
        end is not { } e || e.Year < 1700 || e >= date;

    // Distinct dispensation days: a small inline set, spilling to a hash set for patients with many dates.
    private static bool AddDistinct(int day, Span<int> inline, int count, ref HashSet<int>? spill)
    {
        var inlineCount = Math.Min(count, inline.Length);
        if (inline[..inlineCount].Contains(day) || (spill?.Contains(day) ?? false))
        {
            return false;
        }

        if (count < inline.Length)
        {
            inline[count] = day;
        }
        else
        {
            (spill ??= []).Add(day);
        }

        return true;
    }
}
