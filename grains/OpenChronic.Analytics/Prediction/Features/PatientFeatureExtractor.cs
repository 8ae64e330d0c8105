using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>
/// Computes one person's features for a task from the timeline (events before the index date only), the
/// demographics and the conditions found in the year before index: age, age band, sex, département, ALDs active at
/// index, conditions, and per lookback window (365, 180, 30 days) dispensations by ATC level 3 and 4, consultations by
/// specialty, stays by ICD-10 chapter of the principal diagnosis, diagnoses by ICD-10 category, biology by NABM code
/// and family (and the tests that were the person's only test on their day), CCAM acts, stays and all events
/// (log(1 + count)), recency of care, the first test of each NABM code and first dispensation of each ATC level 4
/// class in the lookback (days before index / lookback), and monthly sequences.
/// Reuses its buffers: one instance per thread.
/// </summary>
public sealed class PatientFeatureExtractor
{
    private static readonly Dictionary<string, int> s_conditionIndex = CaseDefinitionCatalogue.Default.Conditions
        .Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    private readonly Dictionary<FeatureKey, float> _features = [];
    private readonly float[] _sequence = new float[SequenceChannels.Months * SequenceChannels.Count];

    /// <summary>
    /// Adds the person's row to <paramref name="block"/> when the person is in the task's population; returns the
    /// person's <see cref="TaskOutcome"/> either way.
    /// </summary>
    public TaskOutcome TryAdd(FeatureBlockBuilder block, PredictionTask task, ReadOnlySpan<CareEvent> events, FeatureProfile? profile,
        IEnumerable<string> conditionsBeforeIndex, float reference = float.NaN, float oracle = float.NaN)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(conditionsBeforeIndex);
        var outcome = TaskEligibility.Evaluate(task, events, profile);
        if (outcome is not (TaskOutcome.Positive or TaskOutcome.Negative))
        {
            return outcome;
        }

        _features.Clear();
        Array.Clear(_sequence);
        AddStatic(task, profile!, conditionsBeforeIndex);
        AddEvents(task, events);
        block.AddRow(_features, outcome == TaskOutcome.Positive, reference, _sequence, oracle);
        return outcome;
    }

    private void AddStatic(PredictionTask task, FeatureProfile profile, IEnumerable<string> conditions)
    {
        var age = TaskEligibility.AgeAtIndex(task, profile);
        _features[new FeatureKey(FeatureFamily.Age, 0, 0)] = age / 100f;
        _features[new FeatureKey(FeatureFamily.AgeBand, (ulong)Math.Min(age / 10, 9) * 10, 0)] = 1;
        _features[new FeatureKey(FeatureFamily.Sex, profile.Sex, 0)] = 1;
        if (PackedCode.TryPack(profile.Departement, out var dep))
        {
            _features[new FeatureKey(FeatureFamily.Departement, dep, 0)] = 1;
        }

        foreach (var id in conditions)
        {
            if (s_conditionIndex.TryGetValue(id, out var i))
            {
                _features[new FeatureKey(FeatureFamily.Condition, (ulong)i, 0)] = 1;
            }
        }
    }

    private void AddEvents(PredictionTask task, ReadOnlySpan<CareEvent> events)
    {
        var index = task.IndexDay;
        var lookback = task.LookbackDays;
        var windows = PredictionTask.Windows;
        int lastAny = int.MinValue, lastGp = int.MinValue, lastStay = int.MinValue;
        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            if (e.Day >= index)
            {
                break;
            }

            if (e.Kind == CareEventKind.AldRegistration)
            {
                if (!task.Target.Matches((int)e.Value) && (PathwayDeriver.IsOpenEnd(e.EndDay) || e.EndDay >= index))
                {
                    _features[new FeatureKey(FeatureFamily.Ald, (ulong)Math.Max(0, (int)e.Value), 0)] = 1;
                }

                continue;
            }

            var ago = index - e.Day;
            if (ago > lookback || e.Kind == CareEventKind.Death || e.Value < 0)
            {
                continue;
            }

            lastAny = Math.Max(lastAny, e.Day);
            lastGp = e.Kind == CareEventKind.Consultation && SequenceChannels.IsGp(e.Specialty) ? Math.Max(lastGp, e.Day) : lastGp;
            lastStay = e.Kind == CareEventKind.HospitalStay ? Math.Max(lastStay, e.Day) : lastStay;
            var alone = e.Kind == CareEventKind.Biology && AloneOfItsKindThatDay(events, i);
            AddToSequence(e, alone, ago, lookback);
            AddFirstSeen(e, alone, ago / (float)lookback);
            foreach (var window in windows)
            {
                if (ago <= window && window <= lookback)
                {
                    Count(e, (short)window);
                    if (alone)
                    {
                        Increment(new FeatureKey(FeatureFamily.NabmAlone, e.Code, (short)window));
                    }
                }
            }
        }

        AddRecency(CareEventKind.Death, lastAny, index, lookback);
        AddRecency(CareEventKind.Consultation, lastGp, index, lookback);
        AddRecency(CareEventKind.HospitalStay, lastStay, index, lookback);
        foreach (var key in _features.Keys.ToArray())
        {
            if (key.Window != 0 && key.Family != FeatureFamily.Recency)
            {
                _features[key] = MathF.Log(1 + _features[key]);
            }
        }

        for (var i = 0; i < _sequence.Length; i++)
        {
            _sequence[i] = MathF.Log(1 + _sequence[i]);
        }
    }

    // True when no other event of the same kind falls on the same day (events are sorted by day).
    internal static bool AloneOfItsKindThatDay(ReadOnlySpan<CareEvent> events, int at)
    {
        var day = events[at].Day;
        var kind = events[at].Kind;
        for (var j = at - 1; j >= 0 && events[j].Day == day; j--)
        {
            if (events[j].Kind == kind)
            {
                return false;
            }
        }

        for (var j = at + 1; j < events.Length && events[j].Day == day; j++)
        {
            if (events[j].Kind == kind)
            {
                return false;
            }
        }

        return true;
    }

    // The first occurrence in the lookback, as days before index / lookback; events come in day order, so the first
    // value stored for a key is the earliest.
    private void AddFirstSeen(in CareEvent e, bool alone, float ago)
    {
        switch (e.Kind)
        {
            case CareEventKind.Biology:
                _features.TryAdd(new FeatureKey(FeatureFamily.NabmFirst, e.Code, 0), ago);
                if (alone)
                {
                    _features.TryAdd(new FeatureKey(FeatureFamily.NabmAloneFirst, e.Code, 0), ago);
                }

                break;
            case CareEventKind.Dispensation:
                _features.TryAdd(new FeatureKey(FeatureFamily.Atc4First, Prefix(e.Code, 5), 0), ago);
                break;
            default:
                break;
        }
    }

    // Recency of the last event of a kind (Death stands for "any event"), in lookbacks; 1 when there was none.
    private void AddRecency(CareEventKind kind, int last, int index, int lookback) =>
        _features[new FeatureKey(FeatureFamily.Recency, (ulong)kind, 0)] = last == int.MinValue ? 1f : (index - last) / (float)lookback;

    private void Count(in CareEvent e, short window)
    {
        Increment(new FeatureKey(FeatureFamily.Events, 0, window));
        if ((e.Traits & CareEventTraits.AldRelated) != 0)
        {
            Increment(new FeatureKey(FeatureFamily.AldRelated, 0, window));
        }

        switch (e.Kind)
        {
            case CareEventKind.Dispensation:
                Increment(new FeatureKey(FeatureFamily.Atc3, Prefix(e.Code, 4), window));
                Increment(new FeatureKey(FeatureFamily.Atc4, Prefix(e.Code, 5), window));
                break;
            case CareEventKind.Consultation:
                Increment(new FeatureKey(FeatureFamily.Specialty, (ulong)Math.Max((short)0, e.Specialty), window));
                break;
            case CareEventKind.HospitalStay:
                Increment(new FeatureKey(FeatureFamily.Stays, 0, window));
                break;
            case CareEventKind.Diagnosis:
                if ((e.Traits & CareEventTraits.Principal) != 0)
                {
                    Increment(new FeatureKey(FeatureFamily.StayChapter, (ulong)Icd10Chapter.Of(PackedCode.Unpack(e.Code)), window));
                }

                Increment(new FeatureKey(FeatureFamily.Icd3, Prefix(e.Code, 3), window));
                break;
            case CareEventKind.Biology:
                Increment(new FeatureKey(FeatureFamily.Nabm, e.Code, window));
                Increment(new FeatureKey(FeatureFamily.NabmFamily, Prefix(e.Code, 2), window));
                break;
            case CareEventKind.Act:
                Increment(new FeatureKey(FeatureFamily.Ccam4, Prefix(e.Code, 4), window));
                break;
            default:
                break;
        }
    }

    private void AddToSequence(in CareEvent e, bool alone, int ago, int lookback)
    {
        // Month 11 is the last month before index, month 0 the first of the lookback.
        var month = SequenceChannels.Months - 1 - Math.Min(SequenceChannels.Months - 1, (ago - 1) * SequenceChannels.Months / lookback);
        var row = _sequence.AsSpan(month * SequenceChannels.Count, SequenceChannels.Count);
        if ((e.Traits & CareEventTraits.AldRelated) != 0)
        {
            row[SequenceChannels.AldRelated]++;
        }

        switch (e.Kind)
        {
            case CareEventKind.Consultation:
                row[SequenceChannels.IsGp(e.Specialty) ? SequenceChannels.Gp : SequenceChannels.Specialist]++;
                break;
            case CareEventKind.Dispensation:
                row[SequenceChannels.Dispensation]++;
                var group = SequenceChannels.AtcGroups.IndexOf((char)(e.Code >> 56), StringComparison.Ordinal);
                if (group >= 0)
                {
                    row[SequenceChannels.FirstAtc + group]++;
                }

                break;
            case CareEventKind.Biology:
                row[SequenceChannels.Biology]++;
                if (alone)
                {
                    row[SequenceChannels.IsolatedTest]++;
                }

                break;
            case CareEventKind.Act:
                row[SequenceChannels.Act]++;
                break;
            case CareEventKind.HospitalStay:
                row[SequenceChannels.Stay]++;
                break;
            default:
                break;
        }
    }

    private void Increment(FeatureKey key) => _features[key] = _features.GetValueOrDefault(key) + 1;

    // The first n characters of an ASCII-packed code (codes are packed first character in the top byte).
    private static ulong Prefix(ulong packed, int n) => packed >> 56 == 0 ? packed : packed & (ulong.MaxValue << (8 * (PackedCode.MaxLength - n)));
}
