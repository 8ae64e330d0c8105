using System.Globalization;
using System.Text;

namespace OpenChronic.Api.Tests;

/// <summary>
/// A release with microdata to count on: 40 persons, quasi-identifiers age, sex and territory named in the manifest's
/// generalization, plus the per-release pseudonym and a sensitive column (neither may be a dimension).
/// </summary>
internal static class CountsRelease
{
    public static async Task WriteAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var csv = new StringBuilder("pseudonym;age;sex;territory;comorbidities\n");
        for (var i = 0; i < 40; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"p{i:D3};{(i % 2 == 0 ? "40-49" : "50-59")};{(i % 4 < 2 ? "1" : "2")};{(i < 30 ? "11" : "84")};{i % 3}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "microdata.csv"), csv.ToString());
        await File.WriteAllTextAsync(Path.Combine(directory, "release.json"), """
            {"cohort": "diabetes", "release": 2,
             "generalization": [{"attribute": "age", "hierarchy": "age", "level": 1, "maxLevel": 3},
                                {"attribute": "sex", "hierarchy": "sex", "level": 0, "maxLevel": 1},
                                {"attribute": "territory", "hierarchy": "territory", "level": 1, "maxLevel": 2}],
             "files": [{"path": "microdata.csv", "bytes": 1, "sha256": "x"}]}
            """);
    }
}
