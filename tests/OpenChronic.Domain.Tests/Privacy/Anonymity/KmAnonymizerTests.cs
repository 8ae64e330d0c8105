using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class KmAnonymizerTests
{
    [Fact]
    public void Anonymize_RandomSets_OutputPassesCheckerAndFollowsTheGeneralization()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(2000 + seed);
            var hierarchy = RandomData.Hierarchy(random, random.Next(4, 30), "i");
            var sets = RandomSets(random, hierarchy, random.Next(20, 150));
            var k = random.Next(2, 6);
            var m = random.Next(1, 4);
            Assert.NotEmpty(KmAnonymityChecker.Check(sets, 1000, m));

            var result = KmAnonymizer.Anonymize(sets, hierarchy, k, m);

            Assert.Empty(KmAnonymityChecker.Check(result.Sets, k, m));
            for (var s = 0; s < sets.Count; s++)
            {
                var expected = sets[s].Select(i => result.Generalization[i]).OfType<string>().Distinct().Order(StringComparer.Ordinal);
                Assert.Equal(expected, result.Sets[s].Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void Anonymize_Icd10DiagnosesWithChapterCap_SuppressesWhatChaptersCannotHide()
    {
        var codes = NomenclatureSet.Default.Get("IR_CIM_V").Codes.Where(c => c.Length == 4 && Icd10Blocks.Chapter(c[..3]) is not null)
            .Order(StringComparer.Ordinal).Where((_, i) => i % 37 == 0).ToList();
        var hierarchy = HierarchyBuilders.Icd10(codes).Hierarchy!;
        var random = new Random(77);
        var sets = Enumerable.Range(0, 300)
            .Select(_ => (IReadOnlyCollection<string>)[.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => codes[(int)(codes.Count * Math.Pow(random.NextDouble(), 3))])])
            .ToList();
        Assert.NotEmpty(KmAnonymityChecker.Check(sets, 5, 2));

        var result = KmAnonymizer.Anonymize(sets, hierarchy, 5, 2, maxLevel: 3);

        Assert.Empty(KmAnonymityChecker.Check(result.Sets, 5, 2));
        Assert.DoesNotContain(result.Sets.SelectMany(s => s), item => item == "*");
        Assert.InRange(result.InformationLoss, 0.0, 1.0);
    }

    [Fact]
    public void Anonymize_LocalSuppression_KmAnonymousAndSuppressesNoMoreThanGlobal()
    {
        var lessOrEqual = 0;
        for (var seed = 0; seed < 30; seed++)
        {
            var random = new Random(3000 + seed);
            var hierarchy = RandomData.Hierarchy(random, random.Next(4, 30), "i");
            var sets = RandomSets(random, hierarchy, random.Next(20, 150));
            var k = random.Next(2, 6);
            var m = random.Next(1, 4);
            var cap = random.Next(0, hierarchy.MaxLevel);

            var global = KmAnonymizer.Anonymize(sets, hierarchy, k, m, cap);
            var local = KmAnonymizer.Anonymize(sets, hierarchy, k, m, cap, localSuppression: true);

            Assert.Empty(KmAnonymityChecker.Check(local.Sets, k, m));
            for (var s = 0; s < sets.Count; s++)
            {
                var allowed = sets[s].Select(i => local.Generalization[i]).OfType<string>().ToHashSet(StringComparer.Ordinal);
                Assert.All(local.Sets[s], item => Assert.Contains(item, allowed));
            }

            lessOrEqual += local.SuppressedOccurrences <= global.SuppressedOccurrences ? 1 : 0;
        }

        Assert.True(lessOrEqual >= 27, $"{lessOrEqual} of 30");
    }

    [Fact]
    public void Anonymize_UnknownItem_IsRejectedNotThrown()
    {
        var hierarchy = RandomData.Hierarchy(new Random(1), 4, "i");
        IReadOnlyCollection<string>[] sets = [["i0", "zzz"], ["i0"]];

        var result = KmAnonymizer.Anonymize(sets, hierarchy, 2, 1);

        var reject = Assert.Single(result.Rejects);
        Assert.Equal((0, "zzz"), (reject.Set, reject.Item));
        Assert.Equal(["i0"], result.Sets[0]);
    }

    [Fact]
    public void Check_RareCombination_IsReported()
    {
        IReadOnlyCollection<string>[] sets = [["a", "b"], ["a", "b"], ["a", "c"], ["a", "c"], ["b", "c"]];

        var violations = KmAnonymityChecker.Check(sets, 2, 2);

        var v = Assert.Single(violations);
        Assert.Equal(["b", "c"], v.Items);
        Assert.Equal(1, v.Support);
    }

    private static List<IReadOnlyCollection<string>> RandomSets(Random random, GeneralizationHierarchy hierarchy, int persons)
    {
        var leaves = Enumerable.Range(0, hierarchy.LeafCount).Select(l => hierarchy.Label(0, l)).ToArray();
        return [.. Enumerable.Range(0, persons).Select(_ => (IReadOnlyCollection<string>)
            [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => leaves[(int)(leaves.Length * random.NextDouble() * random.NextDouble())])])];
    }
}
