using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

/// <summary>
/// The Adult benchmark (TestData/adult, see its SOURCE.md) as a quasi-identifier table. The quasi-identifiers are
/// anonbench's (BenchmarkSetup.getQuasiIdentifyingAttributes for ADULT: age, education, marital-status,
/// native-country, race, salary-class, sex, workclass) in the file's column order; occupation is not one of them.
/// ARX's published optimum [1,1,1,1,3,2,2,1] is a level vector over exactly this set.
/// </summary>
internal static class AdultData
{
    public static readonly string[] QuasiIdentifiers =
        ["sex", "age", "race", "marital-status", "education", "native-country", "workclass", "salary-class"];

    private static readonly Lazy<QuasiIdentifierTable> s_table = new(() => Load(QuasiIdentifiers, null));
    private static readonly Lazy<QuasiIdentifierTable> s_withOccupation = new(() => Load(QuasiIdentifiers, "occupation"));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "adult");

    public static QuasiIdentifierTable Table => s_table.Value;

    /// <summary>The same table with occupation as the sensitive attribute.</summary>
    public static QuasiIdentifierTable WithOccupationSensitive => s_withOccupation.Value;

    public static GeneralizationHierarchy Hierarchy(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, $"adult_hierarchy_{name}.csv"));
        var result = GeneralizationHierarchy.Parse(stream, name);
        Assert.True(result.Success, string.Join("; ", result.Errors));
        return result.Hierarchy!;
    }

    public static QuasiIdentifierTable Load(IReadOnlyList<string> quasiIdentifiers, string? sensitive)
    {
        var columns = quasiIdentifiers.Select(q => new QuasiIdentifier(q, Hierarchy(q))).ToList();
        using var stream = File.OpenRead(Path.Combine(Folder, "adult.csv"));
        var result = QuasiIdentifierTable.Parse(stream, columns, sensitive, source: "adult.csv");
        Assert.Empty(result.Rejects);
        return result.Table!;
    }
}
