using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class MondrianTests
{
    [Fact]
    public void Anonymize_RandomTables_OutputIsKAnonymousAndCoversEveryRowInItsRanges()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(1000 + seed);
            var table = RandomData.Table(random, random.Next(10, 400), random.Next(1, 5), false);
            var k = random.Next(2, 8);

            var result = Mondrian.Anonymize(table, k);

            var policy = new AnonymizationPolicy(k);
            if (table.RowCount < k)
            {
                Assert.Empty(result.Partitions);
                continue;
            }

            Assert.Empty(AnonymityVerifier.Verify(result.Output, policy));
            var seen = new bool[table.RowCount];
            foreach (var p in result.Partitions)
            {
                Assert.True(p.Rows.Length >= k);
                foreach (var r in p.Rows)
                {
                    Assert.False(seen[r]);
                    seen[r] = true;
                    for (var c = 0; c < table.Columns.Length; c++)
                    {
                        Assert.InRange(table.LeafCodes(c)[r], p.Minimum[c], p.Maximum[c]);
                    }
                }
            }

            Assert.All(seen, Assert.True);
        }
    }

    [Fact]
    public void Anonymize_Adult_IsFiveAnonymousAndLosesLessThanFullDomain()
    {
        var table = AdultData.Table;

        var mondrian = Mondrian.Anonymize(table, 5);
        var flash = new FlashSearch(table, new AnonymizationPolicy(5), InformationLossMetric.Loss).Run();

        Assert.Empty(AnonymityVerifier.Verify(mondrian.Output, new AnonymizationPolicy(5)));
        Assert.True(mondrian.Utility.SmallestClass >= 5);
        Assert.True(mondrian.Utility.Loss < flash.Utility!.Loss, $"{mondrian.Utility.Loss} vs {flash.Utility.Loss}");
        Assert.True(mondrian.Utility.Discernibility < flash.Utility.Discernibility);
        Assert.Null(mondrian.Utility.Precision);
    }

    [Fact]
    public void Anonymize_FewerRowsThanK_PublishesNothing()
    {
        var table = RandomData.Table(new Random(5), 3, 2, false);

        var result = Mondrian.Anonymize(table, 5);

        Assert.Empty(result.Partitions);
        Assert.Equal(3, result.Output.SuppressedCount);
    }
}
