using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class AnonymityVerifierTests
{
    private static GeneralizedTable Table(bool[] suppressed, params string[][] rows) =>
        new(["a", "b"], [.. rows.Select(r => r.ToImmutableArray())], [.. suppressed], [.. rows.Select((_, i) => i % 2 == 0 ? "x" : "y")]);

    [Fact]
    public void Verify_SmallClassAndTooManySuppressed_AreReported()
    {
        var table = Table([false, false, false, true, true],
            ["1", "A"], ["1", "A"], ["2", "B"], ["*", "*"], ["*", "*"]);

        var problems = AnonymityVerifier.Verify(table, new AnonymizationPolicy(2, 0.2));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("[2;B] has 1 persons", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("2 rows suppressed", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_LDiversity_CountsDistinctSensitiveValues()
    {
        // class [1;A] holds x and y, class [2;B] holds x twice
        var table = new GeneralizedTable(["a", "b"], [["1", "A"], ["1", "A"], ["2", "B"], ["2", "B"]], [false, false, false, false], ["x", "y", "x", "x"]);

        Assert.Empty(AnonymityVerifier.Verify(table, new AnonymizationPolicy(2, 0, distinctL: 1)));
        var problem = Assert.Single(AnonymityVerifier.Verify(table, new AnonymizationPolicy(2, 0, distinctL: 2)));
        Assert.Contains("[2;B] has 1 distinct", problem, StringComparison.Ordinal);
    }
}
