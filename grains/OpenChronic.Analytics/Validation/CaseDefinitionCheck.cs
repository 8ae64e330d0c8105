using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Validation;

/// <summary>
/// Measures case definitions against a known truth. A person is a true prevalent case of a condition in year N when
/// the onset is on or before 31 December N, the condition is still active on 1 January N (cancers stop five years
/// after onset, as in the generator) and the person is alive on 1 January N (no death, or death on or after that day).
/// Each miss is explained by the truth's ALD status; each false positive by the rules that found it and by what the
/// truth says of that person and condition.
/// </summary>
public static class CaseDefinitionCheck
{
    /// <summary>Missed: an ALD registration of the truth was open in the year, yet the ALD rule did not fire.</summary>
    public const string MissedAldOpen = "ald_open_in_truth";

    /// <summary>Missed: onset in the year and no ALD registration yet (only care of the first months could show it).</summary>
    public const string MissedOnsetInYear = "onset_in_year_no_ald";

    /// <summary>Missed: onset before the year, no ALD open in the year (never registered, ended, or registered later).</summary>
    public const string MissedNoAld = "earlier_onset_no_ald";

    /// <summary>False positive: the truth places the onset after the year (pre-onset signals).</summary>
    public const string FalseLaterOnset = "onset_later";

    /// <summary>False positive: the person died before the year (a case definition that does not censor at death).</summary>
    public const string FalseDead = "dead";

    /// <summary>False positive: the truth's condition ended before the year (cancer over five years after onset).</summary>
    public const string FalseEnded = "ended";

    /// <summary>False positive: the person never has the condition in the truth.</summary>
    public const string FalseNever = "never";

    /// <summary>Compares detections with the truth for each condition and year.</summary>
    /// <param name="conditionIds">Conditions to report, in order.</param>
    /// <param name="years">Years to report.</param>
    /// <param name="truth">The truth's conditions (one per person and condition).</param>
    /// <param name="deaths">Death date per patient (patients absent or null are alive).</param>
    /// <param name="detected">The database's conditions.</param>
    public static IReadOnlyList<CaseDefinitionResult> Compare(
        IReadOnlyList<string> conditionIds,
        IReadOnlyList<int> years,
        IEnumerable<TrueCondition> truth,
        IReadOnlyDictionary<string, DateOnly> deaths,
        IEnumerable<DetectedCondition> detected)
    {
        ArgumentNullException.ThrowIfNull(conditionIds);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(deaths);
        ArgumentNullException.ThrowIfNull(detected);

        var truthByKey = new Dictionary<(string Patient, string Condition), TrueCondition>();
        foreach (var t in truth)
        {
            // Keep the earliest onset should a person carry the same condition twice.
            if (!truthByKey.TryGetValue((t.PatientId, t.ConditionId), out var known) || t.Onset < known.Onset)
            {
                truthByKey[(t.PatientId, t.ConditionId)] = t;
            }
        }

        var detectedByKey = new Dictionary<(string Condition, int Year), Dictionary<string, ConditionEvidence>>();
        foreach (var d in detected)
        {
            if (!detectedByKey.TryGetValue((d.ConditionId, d.Year), out var patients))
            {
                patients = new Dictionary<string, ConditionEvidence>(StringComparer.Ordinal);
                detectedByKey[(d.ConditionId, d.Year)] = patients;
            }

            patients[d.PatientId] = patients.GetValueOrDefault(d.PatientId) | d.Evidence;
        }

        var results = new List<CaseDefinitionResult>();
        foreach (var condition in conditionIds)
        {
            foreach (var year in years)
            {
                var found = detectedByKey.GetValueOrDefault((condition, year)) ?? [];
                var trueCases = 0;
                var truePositives = 0;
                var missed = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var t in truthByKey.Values)
                {
                    if (t.ConditionId != condition || !IsPrevalent(t, year, deaths))
                    {
                        continue;
                    }

                    trueCases++;
                    if (found.ContainsKey(t.PatientId))
                    {
                        truePositives++;
                    }
                    else
                    {
                        Count(missed, MissReason(t, year));
                    }
                }

                var falsePositives = new SortedDictionary<string, int>(StringComparer.Ordinal);
                foreach (var (patient, evidence) in found)
                {
                    var isTrue = truthByKey.TryGetValue((patient, condition), out var t);
                    if (isTrue && IsPrevalent(t!, year, deaths))
                    {
                        continue;
                    }

                    var why = deaths.TryGetValue(patient, out var death) && death < new DateOnly(year, 1, 1) ? FalseDead
                        : !isTrue ? FalseNever : t!.Onset.Year > year ? FalseLaterOnset : FalseEnded;
                    Count(falsePositives, $"{Rules(evidence)} ({why})");
                }

                results.Add(new CaseDefinitionResult(condition, year, trueCases, found.Count, truePositives, missed, falsePositives));
            }
        }

        return results;
    }

    /// <summary>Whether the truth makes the person a prevalent case in the year (see the type's summary).</summary>
    public static bool IsPrevalent(TrueCondition condition, int year, IReadOnlyDictionary<string, DateOnly> deaths)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(deaths);
        var yearStart = new DateOnly(year, 1, 1);
        return condition.Onset <= new DateOnly(year, 12, 31) &&
            (condition.ActiveUntil is not { } until || until > yearStart) &&
            (!deaths.TryGetValue(condition.PatientId, out var death) || death >= yearStart);
    }

    /// <summary>The rules of an evidence, joined by '+', e.g. "hospital+drugs".</summary>
    public static string Rules(ConditionEvidence evidence)
    {
        var parts = new List<string>(4);
        if (evidence.HasFlag(ConditionEvidence.Ald))
        {
            parts.Add("ald");
        }

        if (evidence.HasFlag(ConditionEvidence.Hospital))
        {
            parts.Add("hospital");
        }

        if (evidence.HasFlag(ConditionEvidence.Drugs))
        {
            parts.Add("drugs");
        }

        if (evidence.HasFlag(ConditionEvidence.Acts))
        {
            parts.Add("acts");
        }

        return parts.Count == 0 ? "none" : string.Join('+', parts);
    }

    private static string MissReason(TrueCondition t, int year)
    {
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        if (t.AldStart is { } start && start <= yearEnd && (t.AldEnd is not { } end || end.Year < 1700 || end >= yearStart))
        {
            return MissedAldOpen;
        }

        return t.Onset.Year == year ? MissedOnsetInYear : MissedNoAld;
    }

    private static void Count(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
