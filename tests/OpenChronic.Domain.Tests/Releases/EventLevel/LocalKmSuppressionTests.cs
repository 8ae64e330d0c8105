using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Domain.Tests.Releases.EventLevel;

public sealed class LocalKmSuppressionTests
{
    [Fact]
    public void Suppress_OneRarePair_RemovesTheRarerItemFromItsHoldersOnly()
    {
        // item 0 held by 6 sets, item 1 by 4; the pair (0, 1) by one set only
        int[][] sets = [[0, 1], [0], [0], [0], [0], [0], [1], [1], [1]];

        var removed = LocalKmSuppression.Suppress(sets, 3, 2);

        Assert.Equal(1, removed);
        Assert.Equal([0], sets[0]);
        Assert.Equal(3, sets.Count(s => s.Contains(1)));
        Assert.Empty(KmAnonymityChecker.Check([.. sets.Select(s => s.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())], 3, 2));
    }

    [Fact]
    public void Suppress_RandomSets_ResultIsKmAnonymousAndOnlyRemoves()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var original = Enumerable.Range(0, random.Next(10, 200))
                .Select(_ => Enumerable.Range(0, random.Next(0, 6)).Select(_ => (int)(12 * random.NextDouble() * random.NextDouble())).Distinct().Order().ToArray()).ToArray();
            var sets = original.Select(s => s.ToArray()).ToArray();
            var k = random.Next(2, 6);
            var m = random.Next(1, 4);

            var removed = LocalKmSuppression.Suppress(sets, k, m);

            Assert.Empty(KmAnonymityChecker.Check([.. sets.Select(s => s.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray())], k, m));
            Assert.Equal(original.Sum(s => s.Length) - sets.Sum(s => s.Length), removed);
            Assert.All(Enumerable.Range(0, sets.Length), i => Assert.Subset(original[i].ToHashSet(), sets[i].ToHashSet()));
        }
    }
}
