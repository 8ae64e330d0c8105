using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

/// <summary>Seeded random hierarchies and tables for property tests.</summary>
internal static class RandomData
{
    /// <summary>A hierarchy over <paramref name="leaves"/> values "v0".."vN" with 1..3 levels above the leaves.</summary>
    public static GeneralizationHierarchy Hierarchy(Random random, int leaves, string prefix)
    {
        var height = random.Next(1, 4);
        var rows = new List<IReadOnlyList<string>>();
        for (var leaf = 0; leaf < leaves; leaf++)
        {
            var row = new List<string> { $"{prefix}{leaf}" };
            var group = leaf;
            for (var level = 1; level < height; level++)
            {
                // groups of 2 at level 1, of 4 at level 2: consistent by construction
                group /= 2;
                row.Add($"{prefix}L{level}G{group}");
            }

            row.Add("*");
            rows.Add(row);
        }

        return GeneralizationHierarchy.Create(rows);
    }

    public static QuasiIdentifierTable Table(Random random, int rows, int columns, bool withSensitive)
    {
        var qis = new List<QuasiIdentifier>();
        var codes = new int[columns][];
        for (var c = 0; c < columns; c++)
        {
            var leaves = random.Next(2, 9);
            qis.Add(new QuasiIdentifier($"q{c}", Hierarchy(random, leaves, $"c{c}v")));
            codes[c] = new int[rows];
            for (var r = 0; r < rows; r++)
            {
                // skewed values, so that some classes are small
                codes[c][r] = Math.Min(leaves - 1, (int)(leaves * random.NextDouble() * random.NextDouble() * 1.6));
            }
        }

        if (!withSensitive)
        {
            return QuasiIdentifierTable.FromCodes(qis, codes);
        }

        var sensitive = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            sensitive[r] = random.Next(4);
        }

        return QuasiIdentifierTable.FromCodes(qis, codes, sensitive, ["s0", "s1", "s2", "s3"]);
    }

    public static AnonymizationPolicy Policy(Random random, bool withSensitive)
    {
        var k = random.Next(2, 7);
        var suppression = random.Next(3) switch { 0 => 0, 1 => 0.05, _ => 0.2 };
        int? distinctL = withSensitive && random.Next(2) == 0 ? 2 : null;
        double? entropyL = withSensitive && distinctL is null ? 1.5 : null;
        return new AnonymizationPolicy(k, suppression, distinctL, entropyL);
    }
}
