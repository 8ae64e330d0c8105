using System.Collections.Immutable;

namespace OpenChronic.Synthetic.Model;

/// <summary>
/// The nine simulated chronic conditions, in the order their risks are drawn (a condition's risk may depend on
/// the ones before it: diabetes raises kidney and coronary risk, coronary disease raises heart-failure risk).
/// Parameters are calibrated so that ALD prevalence comes near the French ~17 % of the covered population.
/// </summary>
public static class Conditions
{
    public const int Diabetes = 0;
    public const int Coronary = 1;
    public const int HeartFailure = 2;
    public const int Stroke = 3;
    public const int Respiratory = 4;
    public const int Kidney = 5;
    public const int Cancer = 6;
    public const int Psychiatric = 7;
    public const int Hypertension = 8;
    public const int Count = 9;

    /// <summary>ALD 12 (severe hypertension) closed to new admissions in June 2011 (décret 2011-726).</summary>
    public static readonly DateOnly Ald12Closed = new(2011, 6, 1);

    public static ImmutableArray<ConditionProfile> All { get; } =
    [
        new(8, "diabetes", 0.15, 0.45, 5, 1.3, 0.07, 0.88, 5, 1.4,
            ["E119", "E110", "E109"], ["E119", "E110", "E109"], "10M02",
            ["A10BA02", "A10BH", "A10BB"], 42, 0.5, 0.05, [1577, 552, 1133], 2.5),
        new(13, "coronary disease", 0.06, 0.8, 30, 2.0, 0.10, 0.85, 3, 1.5,
            ["I251", "I209", "I219"], ["I209", "I214", "I251"], "05K06",
            ["C07AB", "C10AA", "B01AC"], 3, 1.5, 0.15, [996], 1.0),
        new(5, "heart failure", 0.02, 1.0, 30, 1.3, 0.22, 0.8, 4, 3.0,
            ["I500", "I501", "I509"], ["I500", "I501", "I509"], "05M09",
            ["C03CA", "C09AA", "C07AB07"], 3, 2.0, 0.45, [1610, 593], 2.0),
        new(1, "stroke", 0.018, 0.8, 20, 1.2, 0.15, 0.75, 3, 1.8,
            ["I639", "I64", "I694"], ["I639", "I64", "I610"], "01M30",
            ["B01AC", "C10AA"], 32, 1.0, 0.1, [996], 1.0),
        new(14, "chronic respiratory disease", 0.02, 0.4, 5, 1.3, 0.08, 0.6, 6, 1.6,
            ["J961", "J450", "J439"], ["J441", "J960", "J459"], "04M20",
            ["R03AK", "R03AC"], 13, 1.0, 0.2, [1104], 0.5),
        new(19, "chronic kidney disease", 0.006, 0.7, 18, 1.4, 0.12, 0.8, 4, 2.0,
            ["N183", "N184", "N185"], ["N184", "N185", "N179"], "11M04",
            ["C09CA", "C03CA"], 35, 2.0, 0.25, [593, 1610], 3.0),
        new(30, "cancer", 0.07, 0.6, 15, 1.1, 0.16, 0.92, 2, 2.6,
            ["C509", "C61", "C189", "C349", "C679"], ["C509", "C61", "C189", "C349", "C679"], "28Z07",
            ["L02BG", "L02BA", "L01X"], 73, 4.0, 1.2, [1104], 3.0),
        new(23, "severe psychiatric disorder", 0.022, 0.0, 15, 1.1, 0.06, 0.7, 8, 1.5,
            ["F200", "F319", "F332"], ["F200", "F319", "F332"], "19M10",
            ["N05AH", "N06AB"], 33, 4.0, 0.12, [], 0.0),
        new(12, "severe hypertension", 0.03, 0.6, 30, 1.2, 0.0, 0.85, 2, 1.1,
            ["I10"], ["I10"], "05M14",
            ["C09AA", "C08CA", "C03AA"], 3, 0.5, 0.02, [1610], 1.0),
    ];
}
