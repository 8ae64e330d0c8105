using OpenChronic.Domain.Privacy.Risk;
using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// Measures the residual risk of a release: class-based risks (prosecutor, journalist against a population
/// table, marketer, sample uniqueness, population uniqueness by Dankar's rule) and the three WP29 attacks.
/// Works on integer codes, so any release can be measured: a generalization computed here or a file read back.
/// </summary>
public static class ReleaseRiskAssessor
{
    /// <summary>
    /// Class-based risks of the released records (<paramref name="release"/>, column-major codes). When
    /// <paramref name="population"/> is given (the attacker's identification database, coded alike), the journalist
    /// and marketer risks use its class sizes F_k (a released class absent from it counts F = f).
    /// </summary>
    public static ReleaseRisk MeasureClasses(int[][] release, int suppressed, double recordThreshold, long populationSize, int[][]? population = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        var rows = release.Length == 0 ? 0 : release[0].Length;
        if (rows == 0)
        {
            throw new ArgumentException("The release has no record.", nameof(release));
        }

        var sizes = GroupSizes(release, rows, out var keys);
        var sampleSizes = sizes.Values.ToList();
        EquivalenceClasses classes;
        if (population is not null && population.Length > 0)
        {
            var populationSizes = GroupSizes(population, population[0].Length, out _);
            var bigF = keys.Select(k => Math.Max(sizes[k], (long)populationSizes.GetValueOrDefault(k))).ToList();
            classes = new EquivalenceClasses([.. keys.Select(k => sizes[k])], bigF);
        }
        else
        {
            classes = new EquivalenceClasses(sampleSizes);
        }

        var prosecutor = ReidentificationRisk.Prosecutor(classes, recordThreshold);
        var journalist = classes.PopulationSizes is null ? null : ReidentificationRisk.Journalist(classes, recordThreshold);
        var uniqueness = populationSize >= classes.RecordCount ? PopulationUniqueness.Estimate(classes, populationSize) : null;
        return new ReleaseRisk(classes.RecordCount, suppressed, classes.ClassCount, prosecutor, journalist,
            ReidentificationRisk.Marketer(classes), ReidentificationRisk.SampleUniqueness(classes), uniqueness, null);
    }

    /// <summary>
    /// Runs the attacks: singling out with predicates on up to 3 columns and on one column, linkability between
    /// the first and the second half of the quasi-identifiers, and inference of the secret column when present.
    /// </summary>
    public static AttackRisks Attack(CodedRelease coded, int attacks, int neighbours, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(coded);
        var q = coded.Columns.Count;
        var secret = coded.HasSecret;
        var release = Table(coded.Release, secret ? coded.ReleaseSecret : null);
        var attacked = Table(coded.Attacked, secret ? coded.AttackedSecret : null);
        var control = Table(coded.Control, secret ? coded.ControlSecret : null);
        var columns = Enumerable.Range(0, q).Select(AttackColumn.Categorical).ToList();
        var singlingOut = SinglingOutAttack.Multivariate(release, attacked, control, columns, Math.Min(3, q), attacks, seed);
        var univariate = SinglingOutAttack.Univariate(release, attacked, control, columns, attacks, seed);
        AttackResult? linkability = null;
        if (q >= 2)
        {
            var half = q / 2;
            linkability = LinkabilityAttack.Run(release, attacked, control, columns[..half], columns[half..], attacks, neighbours, seed);
        }

        AttackResult? inference = secret
            ? InferenceAttack.Run(release, attacked, control, columns, AttackColumn.Categorical(q), attacks, seed)
            : null;
        return new AttackRisks(singlingOut, univariate, linkability, inference);
    }

    private static AttackTable Table(int[][] columns, int[]? secret)
    {
        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        var width = columns.Length + (secret is null ? 0 : 1);
        var data = new int[rows][];
        for (var r = 0; r < rows; r++)
        {
            var row = new int[width];
            for (var c = 0; c < columns.Length; c++)
            {
                row[c] = columns[c][r];
            }

            if (secret is not null)
            {
                row[^1] = secret[r];
            }

            data[r] = row;
        }

        return AttackTable.FromCategorical(data);
    }

    /// <summary>Records per combination of codes; <paramref name="keys"/> lists the combinations in first-seen order.</summary>
    private static Dictionary<string, int> GroupSizes(int[][] columns, int rows, out List<string> keys)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        keys = [];
        var parts = new string[columns.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                parts[c] = columns[c][r].ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var key = string.Join(',', parts);
            if (sizes.TryGetValue(key, out var size))
            {
                sizes[key] = size + 1;
            }
            else
            {
                sizes[key] = 1;
                keys.Add(key);
            }
        }

        return sizes;
    }
}
