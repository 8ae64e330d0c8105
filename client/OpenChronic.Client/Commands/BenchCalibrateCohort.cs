using System.Globalization;
using System.Text;
using OpenChronic.Domain.Numerics;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Client.Commands;

/// <summary>
/// A seeded cohort of chronic-disease patients for calibration benchmarks: age (adults, centred on 66), sex,
/// commune (40 per département of metropolitan France and the 5 DOM, départements and communes within them
/// Zipf-weighted, so that a few cities hold many people and most communes few), and 1 to 4 chronic conditions
/// (ICD-10 codes) whose number grows with age, drawn from a skewed list (diabetes and hypertension common,
/// rare cancers and neurological diseases rare).
/// </summary>
internal static class BenchCalibrateCohort
{
    private static readonly string[] s_conditions =
        ["I10", "E119", "E785", "I259", "J449", "N184", "I500", "F329", "E039", "I480", "M069", "C509", "C61", "G309", "G20", "E109", "K509", "G35"];

    public static CalibrationInput Generate(int persons, int seed)
    {
        var random = new Random(seed);
        var departements = NomenclatureSet.Default.Get("IR_DPT_V").Codes
            .Where(d => d is "02A" or "02B" or "971" or "972" or "973" or "974" or "976" ||
                (d[0] == '0' && int.TryParse(d, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 95 && n != 20))
            .Order(StringComparer.Ordinal).ToList();
        const int CommunesPerDepartement = 40;
        var communes = departements.SelectMany(d => Enumerable.Range(1, CommunesPerDepartement).Select(i =>
            d.StartsWith("97", StringComparison.Ordinal) ? d + i.ToString("D2", CultureInfo.InvariantCulture) : d[1..] + i.ToString("D3", CultureInfo.InvariantCulture))).ToList();
        var columns = new List<QuasiIdentifier>
        {
            new("age", HierarchyBuilders.Age(110)),
            new("sex", GeneralizationHierarchy.Create([["1", "*"], ["2", "*"]])),
            new("commune", HierarchyBuilders.Geography(communes).Hierarchy!),
        };
        var departementWeights = Zipf(departements.Count, 0.8, random);
        var communeWeights = Zipf(CommunesPerDepartement, 1.1, null);
        var conditionWeights = Zipf(s_conditions.Length, 1.2, null);
        var codes = columns.Select(_ => new int[persons]).ToArray();
        var sets = new List<IReadOnlyList<string>>(persons);
        for (var p = 0; p < persons; p++)
        {
            var age = Math.Clamp((int)Math.Round(66 + (15 * random.NextStandardNormal())), 18, 105);
            codes[0][p] = age;
            codes[1][p] = random.Next(2);
            codes[2][p] = (Draw(departementWeights, random) * CommunesPerDepartement) + Draw(communeWeights, random);
            var count = 1 + (random.NextDouble() < (age - 18) / 90.0 ? 1 : 0) + (random.NextDouble() < (age - 40) / 150.0 ? 1 : 0) + (random.NextDouble() < 0.05 ? 1 : 0);
            var set = new HashSet<string>(StringComparer.Ordinal);
            while (set.Count < count)
            {
                set.Add(s_conditions[Draw(conditionWeights, random)]);
            }

            sets.Add([.. set.Order(StringComparer.Ordinal)]);
        }

        return new CalibrationInput(QuasiIdentifierTable.FromCodes(columns, codes), sets, HierarchyBuilders.Icd10(s_conditions).Hierarchy!);
    }

    /// <summary>Writes the cohort as a microdata file (person;age;sex;commune;conditions) for <c>calibrate --input</c>.</summary>
    public static void Write(CalibrationInput cohort, string path)
    {
        var table = cohort.Table;
        var text = new StringBuilder("person;age;sex;commune;conditions\n");
        for (var r = 0; r < table.RowCount; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"P{r:D7}");
            for (var c = 0; c < table.Columns.Length; c++)
            {
                text.Append(';').Append(table.Columns[c].Hierarchy.Label(0, table.LeafCodes(c)[r]));
            }

            text.Append(';').Append(string.Join('|', cohort.ConditionSets![r])).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static double[] Zipf(int n, double exponent, Random? shuffle)
    {
        var weights = Enumerable.Range(1, n).Select(i => 1 / Math.Pow(i, exponent)).ToArray();
        // Départements get their weights in a seeded random order, so that the big ones are not the first codes.
        shuffle?.Shuffle(weights);
        var cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += weights[i];
            cumulative[i] = sum;
        }

        for (var i = 0; i < n; i++)
        {
            cumulative[i] /= sum;
        }

        return cumulative;
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(cumulative.Length - 1, i < 0 ? ~i : i);
    }
}
