using System.Globalization;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Tests.Privacy.Calibration;

/// <summary>
/// A seeded cohort for calibration tests: age (18–99, older-skewed), sex, commune (10 per département of 20
/// départements, Zipf-weighted), and 1–3 chronic condition codes whose prevalence grows with age.
/// </summary>
internal static class CohortData
{
    private static readonly string[] s_conditions = ["E119", "E109", "I10", "I500", "J449", "N184", "F329", "C509", "G309", "I259", "E785", "E039"];

    public static CalibrationInput Generate(int persons, int seed)
    {
        var random = new Random(seed);
        var departements = NomenclatureSet.Default.Get("IR_DPT_V").Codes.Where(d => d.StartsWith('0') && d != "020").Order(StringComparer.Ordinal).Take(20).ToList();
        var communes = departements.SelectMany(d => Enumerable.Range(1, 10).Select(i => d[1..] + i.ToString("D3", CultureInfo.InvariantCulture))).ToList();
        var columns = new List<QuasiIdentifier>
        {
            new("age", HierarchyBuilders.Age(99)),
            new("sex", GeneralizationHierarchy.Create([["1", "*"], ["2", "*"]])),
            new("commune", HierarchyBuilders.Geography(communes).Hierarchy!),
        };
        var codes = columns.Select(_ => new int[persons]).ToArray();
        var sets = new List<IReadOnlyList<string>>(persons);
        for (var p = 0; p < persons; p++)
        {
            var age = Math.Clamp((int)Math.Round(65 + (14 * Gaussian(random))), 18, 99);
            codes[0][p] = age;
            codes[1][p] = random.Next(2);
            var departement = Math.Min(departements.Count - 1, (int)(departements.Count * Math.Pow(random.NextDouble(), 2)));
            codes[2][p] = (departement * 10) + random.Next(10);
            var count = 1 + (random.NextDouble() < (age - 18) / 120.0 ? 1 : 0) + (random.NextDouble() < 0.15 ? 1 : 0);
            sets.Add([.. Enumerable.Range(0, count).Select(_ => s_conditions[Math.Min(s_conditions.Length - 1, (int)(s_conditions.Length * Math.Pow(random.NextDouble(), 1.5)))]).Distinct()]);
        }

        var table = QuasiIdentifierTable.FromCodes(columns, codes);
        return new CalibrationInput(table, sets, HierarchyBuilders.Icd10(s_conditions).Hierarchy!);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
