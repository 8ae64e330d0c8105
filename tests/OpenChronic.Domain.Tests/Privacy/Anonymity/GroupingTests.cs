using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class GroupingTests
{
    [Theory]
    [InlineData(3, 6, false)]
    [InlineData(10, 250, false)]
    [InlineData(10, 250, true)]
    public void Evaluate_AnyKeySpace_CountsTheSameClassesAsTheText(int columns, int leaves, bool withSensitive)
    {
        // 250^10 keys overflow 64 bits: the grouping must densify column by column and still be exact
        var random = new Random(columns * leaves);
        var hierarchies = Enumerable.Range(0, columns).Select(c => RandomData.Hierarchy(random, leaves, $"c{c}v")).ToList();
        var qis = hierarchies.Select((h, c) => new QuasiIdentifier($"q{c}", h)).ToList();
        var rows = 3000;
        var codes = qis.Select(_ => Enumerable.Range(0, rows).Select(_ => random.Next(leaves) / (1 + random.Next(3))).ToArray()).ToArray();
        var sensitive = Enumerable.Range(0, rows).Select(_ => random.Next(3)).ToArray();
        var table = withSensitive
            ? QuasiIdentifierTable.FromCodes(qis, codes, sensitive, ["x", "y", "z"])
            : QuasiIdentifierTable.FromCodes(qis, codes);
        var policy = withSensitive ? new AnonymizationPolicy(2, 1, distinctL: 2) : new AnonymizationPolicy(2, 1);
        var search = new FlashSearch(table, policy, InformationLossMetric.Discernibility);
        var bottom = new int[columns];

        var (_, utility) = search.Evaluate(bottom);

        var released = FullDomainRecoding.Apply(table, bottom, policy);
        var groups = Enumerable.Range(0, rows).GroupBy(r => string.Join(";", Enumerable.Range(0, columns).Select(c => hierarchies[c].Label(0, codes[c][r]))))
            .Select(g => (Size: g.Count(), Distinct: g.Select(r => sensitive[r]).Distinct().Count())).ToList();
        var kept = groups.Where(g => g.Size >= 2 && (!withSensitive || g.Distinct >= 2)).ToList();
        Assert.Equal(kept.Count, utility.Classes);
        Assert.Equal(rows - kept.Sum(g => g.Size), utility.SuppressedRecords);
        Assert.Equal(utility.SuppressedRecords, released.SuppressedCount);
        Assert.Empty(AnonymityVerifier.Verify(released, policy));
    }
}
