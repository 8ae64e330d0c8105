using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Releases;

namespace OpenChronic.Domain.Tests.Releases;

/// <summary>Random cohort members and policies (explicit seeds) and a temporary release root.</summary>
internal static class ReleaseData
{
    private static readonly string[] s_departements = ["075", "092", "093", "013", "069", "059", "033", "974", "02A"];
    private static readonly string[] s_codes =
        ["icd:E119", "icd:E110", "icd:I10", "icd:I500", "icd:I219", "icd:N184", "icd:J449",
         "atc:A10BA02", "atc:A10BB09", "atc:C09AA05", "atc:C10AA05", "atc:C07AB07", "atc:B01AC06", "atc:R03AC02", "atc:N06AB10"];

    private static readonly string[] s_conditions = ["none", "none", "coronary", "heart_failure", "kidney", "coronary+kidney"];

    public static CohortMember Member(Random random) => new(
        Math.Clamp((int)(62 + (17 * Gaussian(random))), 0, 105),
        (byte)(random.Next(10) == 0 ? 0 : 1 + random.Next(2)),
        s_departements[random.Next(s_departements.Length)],
        random.Next(1, 12).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
        new DateOnly(2020, 1, 1).AddDays(random.Next(366)),
        s_conditions[random.Next(s_conditions.Length)],
        random.Next(4) == 0 ? random.Next(1, 4) : 0,
        random.Next(20) == 0,
        [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => s_codes[random.Next(s_codes.Length)]).Distinct().Order(StringComparer.Ordinal)]);

    public static List<ReleaseMember> Members(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new ReleaseMember(Guid(random), (ulong)random.NextInt64(), Member(random)))];
    }

    public static ReleasePolicy Policy(Random random) => new()
    {
        Name = "random",
        K = random.Next(2, 7),
        SuppressionLimit = random.Next(3) * 0.05,
        QuasiIdentifiers = [.. new[]
        {
            new QuasiIdentifierSpec("age", "age"), new QuasiIdentifierSpec("sex", "flat"),
            new QuasiIdentifierSpec("territory", "geography"), new QuasiIdentifierSpec("index_date", "dates"),
        }.Where(_ => random.Next(4) > 0).DefaultIfEmpty(new QuasiIdentifierSpec("age", "age"))],
        Sensitive = ["comorbidities", "deceased"],
        LDiversity = random.Next(2) == 0 ? null : new LDiversitySpec("comorbidities", 2, random.Next(2) == 0 ? null : 1.5),
        Km = random.Next(3) == 0 ? null : new KmSpec(random.Next(2, 6), random.Next(1, 3), random.Next(2, 6)),
        MinCellSize = 11 + random.Next(3),
        Metric = random.Next(2) == 0 ? "loss" : "entropy",
    };

    public static string Root() => Directory.CreateTempSubdirectory("openchronic-release-").FullName;

    public static string? RegionOf(string departement) => CohortEvaluator.Default.RegionOf(departement);

    private static Guid Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
