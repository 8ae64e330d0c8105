using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Tests.Privacy.Risk.Attacks;

/// <summary>
/// Synthetic persons with four quasi-identifiers (age 0–89, a 1,000-value place code, sex, birth month: 2.16 M
/// combinations, so almost every person is unique) and a secret diagnosis (5 values) independent of them.
/// Categorical columns: 0 age, 1 place, 2 sex, 3 month, 4 diagnosis.
/// </summary>
internal static class PersonData
{
    public static readonly AttackColumn[] QuasiIdentifiers =
        [AttackColumn.Categorical(0), AttackColumn.Categorical(1), AttackColumn.Categorical(2), AttackColumn.Categorical(3)];

    public static readonly AttackColumn Diagnosis = AttackColumn.Categorical(4);

    public static int[][] Persons(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
            new[] { random.Next(90), random.Next(1000), random.Next(2), random.Next(12), random.Next(5) })];
    }

    /// <summary>Age in 30-year bands, place removed, sex kept, month to quarter: 24 classes of about 40.</summary>
    public static int[][] Generalize(int[][] persons) =>
        [.. persons.Select(p => new[] { p[0] / 30, 0, p[2], p[3] / 3, p[4] })];

    /// <summary>Age in 10-year bands, place to its first digit, sex kept, month to half-year: 360 classes.</summary>
    public static int[][] Band(int[][] persons) =>
        [.. persons.Select(p => new[] { p[0] / 10, p[1] / 100, p[2], p[3] / 6, p[4] })];

    public static AttackTable Table(int[][] rows) => AttackTable.FromCategorical(rows);
}
