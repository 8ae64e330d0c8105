using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Prediction.Oracle;

/// <summary>
/// A trace the synthetic generator plants in the claims of a person in the pre-clinical phase of a condition, read
/// from its code (<c>PersonSimulator.Care.cs</c> <c>Prodrome</c>, and the warning stays of
/// <c>PersonSimulator.Stays.cs</c>): an event of <see cref="Kind"/> whose code is <see cref="Code"/> (or starts with it
/// when <see cref="CodeIsPrefix"/>), alone of its kind on its day when <see cref="Isolated"/>, at most
/// <see cref="DaysBeforeOnset"/> days before the onset (and not before the phase began). The extra GP visits of every
/// phase are not a trace here: they are indistinguishable from ordinary visits one by one.
/// </summary>
/// <param name="Kind">Event kind (biology, dispensation, act, diagnosis of a stay).</param>
/// <param name="Code">NABM, ATC, CCAM or ICD-10 code.</param>
/// <param name="CodeIsPrefix">Whether <paramref name="Code"/> is a prefix (ATC class, ICD-10 category).</param>
/// <param name="Isolated">Whether the event must be the person's only one of its kind that day (a targeted test).</param>
/// <param name="DaysBeforeOnset">How long before onset the trace can appear.</param>
public sealed record PlantedTrace(CareEventKind Kind, string Code, bool CodeIsPrefix, bool Isolated, int DaysBeforeOnset)
{
    private static readonly Dictionary<int, PlantedTrace[]> s_byAld = new()
    {
        // Diabetes: a glycaemia test (NABM 552) alone on its day, probability 0.3 a month of the phase.
        [8] = [new(CareEventKind.Biology, "552", false, true, 270)],

        // Chronic kidney disease: a creatinine test (NABM 593) alone on its day, 0.3 a month.
        [19] = [new(CareEventKind.Biology, "593", false, true, 270)],

        // Heart failure: a loop diuretic (C03CA) in the last 180 days, 0.5 a month; a warning stay for atrial
        // fibrillation (I48) or dyspnoea (R06) 20–120 days before onset, probability 0.3.
        [5] =
        [
            new(CareEventKind.Dispensation, "C03CA", true, false, 180),
            new(CareEventKind.Diagnosis, "I48", true, false, 120),
            new(CareEventKind.Diagnosis, "R06", true, false, 120),
        ],

        // Stroke: a transient-ischaemia stay (G45) 10–200 days before onset, probability 0.2; nothing in the months.
        [1] = [new(CareEventKind.Diagnosis, "G45", true, false, 200)],

        // Chronic respiratory disease: a short-acting β2 agonist (R03AC), 0.35 a month.
        [14] = [new(CareEventKind.Dispensation, "R03AC", true, false, 270)],

        // Coronary disease: an ECG (DEQP003), 0.15 a month.
        [13] = [new(CareEventKind.Act, "DEQP003", false, false, 270)],

        // Cancer: abdominal scan (ZCQK004) or chest X-ray (ZBQK002), 0.2 a month.
        [30] = [new(CareEventKind.Act, "ZCQK004", false, false, 270), new(CareEventKind.Act, "ZBQK002", false, false, 270)],

        // Severe psychiatric disorder: an SSRI (N06AB), 0.3 a month.
        [23] = [new(CareEventKind.Dispensation, "N06AB", true, false, 270)],
    };

    /// <summary>The traces of ALD <paramref name="ald"/>'s pre-clinical phase; none for an ALD the generator gives no phase signal.</summary>
    public static IReadOnlyList<PlantedTrace> Of(int ald) => s_byAld.TryGetValue(ald, out var traces) ? traces : [];

    /// <summary>Whether <paramref name="e"/> has this trace's kind and code (the isolation and the window are the caller's).</summary>
    public bool Matches(in CareEvent e)
    {
        if (e.Kind != Kind)
        {
            return false;
        }

        var code = PackedCode.Unpack(e.Code);
        return CodeIsPrefix ? code.StartsWith(Code, StringComparison.Ordinal) : string.Equals(code, Code, StringComparison.Ordinal);
    }
}
