namespace OpenChronic.Grains;

/// <summary>What the pathway figures ask of each patient.</summary>
/// <param name="Years">Years to derive the pathway for.</param>
/// <param name="ObservedFromDay">First day of the data (day number): care-setting periods must start on or after it.</param>
/// <param name="ObservedToDay">Last day of the data (day number): care-setting periods must end on or before it.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatternRequest")]
public sealed record PatternRequest(
    [property: Id(0)] int[] Years,
    [property: Id(1)] int ObservedFromDay,
    [property: Id(2)] int ObservedToDay);

/// <summary>
/// One patient's contribution: treatment sequence keys (one per condition), the care-setting key around ALD entry,
/// condition keys <c>year&gt;condition</c>, and events per kind (index = <c>CareEventKind</c> value).
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientPatterns")]
public sealed record PatientPatterns(
    [property: Id(0)] string[] TreatmentSequences,
    [property: Id(1)] string? SettingSequence,
    [property: Id(2)] string[] Conditions,
    [property: Id(3)] long[] EventsByKind);

/// <summary>Persons per sequence key, summed over patients (no identifier).</summary>
/// <param name="Treatments">Treatment sequence key → persons.</param>
/// <param name="Settings">Care-setting sequence key → persons.</param>
/// <param name="Conditions">Condition key <c>year&gt;condition</c> → persons.</param>
/// <param name="EventsByKind">Events per kind (index = <c>CareEventKind</c> value).</param>
/// <param name="Patients">Patients asked.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatternCounts")]
public sealed record PatternCounts(
    [property: Id(0)] Dictionary<string, long> Treatments,
    [property: Id(1)] Dictionary<string, long> Settings,
    [property: Id(2)] Dictionary<string, long> Conditions,
    [property: Id(3)] long[] EventsByKind,
    [property: Id(4)] long Patients)
{
    /// <summary>Length of <see cref="EventsByKind"/> (largest <c>CareEventKind</c> value + 1).</summary>
    public const int Kinds = 9;

    /// <summary>Empty counts, to add patients or partitions to.</summary>
    public static PatternCounts Empty() => new(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new long[Kinds], 0);

    /// <summary>Adds one patient's counts into this instance's dictionaries (one's own, from <see cref="Empty"/>); <see cref="Patients"/> is set by the caller.</summary>
    public void Add(PatientPatterns patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        foreach (var key in patient.TreatmentSequences)
        {
            Treatments[key] = Treatments.GetValueOrDefault(key) + 1;
        }

        if (patient.SettingSequence is { } s)
        {
            Settings[s] = Settings.GetValueOrDefault(s) + 1;
        }

        foreach (var key in patient.Conditions)
        {
            Conditions[key] = Conditions.GetValueOrDefault(key) + 1;
        }

        for (var k = 0; k < Math.Min(Kinds, patient.EventsByKind.Length); k++)
        {
            EventsByKind[k] += patient.EventsByKind[k];
        }
    }

    /// <summary>The sum of several partitions' counts.</summary>
    public static PatternCounts Sum(IEnumerable<PatternCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = Empty();
        long patients = 0;
        foreach (var part in parts)
        {
            Add(sum.Treatments, part.Treatments);
            Add(sum.Settings, part.Settings);
            Add(sum.Conditions, part.Conditions);
            for (var k = 0; k < Math.Min(Kinds, part.EventsByKind.Length); k++)
            {
                sum.EventsByKind[k] += part.EventsByKind[k];
            }

            patients += part.Patients;
        }

        return sum with { Patients = patients };
    }

    private static void Add(Dictionary<string, long> into, Dictionary<string, long> from)
    {
        foreach (var (key, persons) in from)
        {
            into[key] = into.GetValueOrDefault(key) + persons;
        }
    }
}
