namespace OpenChronic.Grains;

/// <summary>
/// Sums of the per-patient sequence measures: treatment lines (count, covered days) and hospitalisation episodes
/// with their post-discharge windows (GP within 7 and 30 days, specialist within 30 days, readmission within 30 days).
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.SequenceFigures")]
public sealed record SequenceFigures(
    [property: Id(0)] long Patients,
    [property: Id(1)] long TreatmentLines,
    [property: Id(2)] long LineDays,
    [property: Id(3)] long Episodes,
    [property: Id(4)] long Stays,
    [property: Id(5)] long GpWithin7Days,
    [property: Id(6)] long GpWithin30Days,
    [property: Id(7)] long SpecialistWithin30Days,
    [property: Id(8)] long ReadmittedWithin30Days)
{
    /// <summary>Nothing counted yet.</summary>
    public static SequenceFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The sum of two sets of figures.</summary>
    public static SequenceFigures operator +(SequenceFigures left, SequenceFigures right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Patients + right.Patients, left.TreatmentLines + right.TreatmentLines, left.LineDays + right.LineDays,
            left.Episodes + right.Episodes, left.Stays + right.Stays, left.GpWithin7Days + right.GpWithin7Days,
            left.GpWithin30Days + right.GpWithin30Days, left.SpecialistWithin30Days + right.SpecialistWithin30Days,
            left.ReadmittedWithin30Days + right.ReadmittedWithin30Days);
    }

    /// <summary>The sum of two sets of figures (named alternative of the operator).</summary>
    public static SequenceFigures Add(SequenceFigures left, SequenceFigures right) => left + right;
}
