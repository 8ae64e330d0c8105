using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Tests.Privacy.Anonymity;

public sealed class FlashSearchTests
{
    [Fact]
    public void Run_Adult5AnonymityEntropy_FindsArxPublishedOptimum()
    {
        var table = AdultData.Table;
        Assert.Equal(30162, table.RowCount);

        var result = new FlashSearch(table, new AnonymizationPolicy(5), InformationLossMetric.NonUniformEntropy).Run();

        Assert.True(result.Found);
        Assert.Equal([1, 1, 1, 1, 3, 2, 2, 1], result.Levels!.Value);
        Assert.Equal(16, result.Utility!.SmallestClass);
        Assert.Equal(0.0625, result.Utility.HighestProsecutorRisk);
        Assert.Equal(0, result.Utility.SuppressedRecords);
        Assert.True(result.NodesChecked < result.NodesInLattice / 4, $"{result.NodesChecked} checks of {result.NodesInLattice}");
    }

    [Fact]
    public void Run_AdultWithOccupationInsteadOfSalaryClass_ArxVectorIsNotFiveAnonymous()
    {
        // the published optimum is over anonbench's attributes (salary-class, not occupation)
        string[] withOccupation = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation"];
        var table = AdultData.Load(withOccupation, null);
        var search = new FlashSearch(table, new AnonymizationPolicy(5), InformationLossMetric.NonUniformEntropy);

        var (satisfies, utility) = search.Evaluate([1, 1, 1, 1, 3, 2, 2, 1]);
        var result = search.Run();

        Assert.False(satisfies);
        Assert.Equal(12, utility.SuppressedRecords);
        Assert.Equal([1, 2, 1, 1, 3, 2, 2, 1], result.Levels!.Value);
        Assert.Equal(5, result.Utility!.SmallestClass);
    }

    [Fact]
    public void Run_AdultOptimum_PassesTextVerifier()
    {
        var policy = new AnonymizationPolicy(5);
        var result = new FlashSearch(AdultData.Table, policy, InformationLossMetric.NonUniformEntropy).Run();

        var released = FullDomainRecoding.Apply(AdultData.Table, result.Levels!.Value, policy);

        Assert.Empty(AnonymityVerifier.Verify(released, policy));
        Assert.Equal(["*", "35-39", "*", "spouse not present", "*", "*", "*", "*"], released.Rows[0]);
    }

    [Fact]
    public void Run_AdultWithSuppressionAndLoss_SuppressesWithinLimitAndBeatsNoSuppression()
    {
        var table = AdultData.Table;
        var withSuppression = new FlashSearch(table, new AnonymizationPolicy(5, 0.05), InformationLossMetric.Loss).Run();
        var without = new FlashSearch(table, new AnonymizationPolicy(5), InformationLossMetric.Loss).Run();

        Assert.True(withSuppression.Utility!.SuppressedRecords <= 1508);
        Assert.True(withSuppression.Utility.Loss <= without.Utility!.Loss);
        var released = FullDomainRecoding.Apply(table, withSuppression.Levels!.Value, new AnonymizationPolicy(5, 0.05));
        Assert.Empty(AnonymityVerifier.Verify(released, new AnonymizationPolicy(5, 0.05)));
    }

    [Fact]
    public void Run_AdultDistinctLDiversityOnOccupation_EveryClassHasThreeOccupations()
    {
        var policy = new AnonymizationPolicy(5, 0, distinctL: 3);
        var table = AdultData.WithOccupationSensitive;

        var result = new FlashSearch(table, policy, InformationLossMetric.NonUniformEntropy).Run();

        var released = FullDomainRecoding.Apply(table, result.Levels!.Value, policy);
        Assert.Empty(AnonymityVerifier.Verify(released, policy));
    }

    [Fact]
    public void Run_KLargerThanTable_FindsNothing()
    {
        var random = new Random(3);
        var table = RandomData.Table(random, 10, 2, false);

        var result = new FlashSearch(table, new AnonymizationPolicy(11), InformationLossMetric.Loss).Run();

        Assert.False(result.Found);
        Assert.Equal(0, result.NodesSatisfying);
    }

    [Fact]
    public void Run_RandomTablesAndPolicies_ResultPassesIndependentCheckAndIsOptimal()
    {
        var metrics = Enum.GetValues<InformationLossMetric>();
        for (var seed = 0; seed < 150; seed++)
        {
            var random = new Random(seed);
            var withSensitive = random.Next(3) == 0;
            var table = RandomData.Table(random, random.Next(20, 200), random.Next(1, 5), withSensitive);
            var policy = RandomData.Policy(random, withSensitive);
            var metric = metrics[random.Next(metrics.Length)];
            var search = new FlashSearch(table, policy, metric);

            var result = search.Run();

            var (bestValue, anySatisfying) = BruteForce(search, table, policy, metric);
            Assert.Equal(anySatisfying, result.Found);
            if (!result.Found)
            {
                continue;
            }

            var released = FullDomainRecoding.Apply(table, result.Levels!.Value, policy);
            Assert.Empty(AnonymityVerifier.Verify(released, policy));
            AssertRowsAreTheirGeneralization(table, released, result.Levels!.Value);
            Assert.Equal(bestValue, result.Utility!.Value(metric), 9);
        }
    }

    // each published row must be its original values generalized through the hierarchy's text lookup
    private static void AssertRowsAreTheirGeneralization(QuasiIdentifierTable table, GeneralizedTable released, IReadOnlyList<int> levels)
    {
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var h = table.Columns[c].Hierarchy;
                var expected = released.Suppressed[r] ? "*" : h.Generalize(h.Label(0, table.LeafCodes(c)[r]), levels[c]);
                Assert.Equal(expected, released.Rows[r][c]);
            }
        }
    }

    // every node of the lattice: satisfying according to the text verifier, value according to Evaluate
    private static (double Best, bool Any) BruteForce(FlashSearch search, QuasiIdentifierTable table, AnonymizationPolicy policy, InformationLossMetric metric)
    {
        var best = double.PositiveInfinity;
        var any = false;
        for (var node = 0; node < search.Lattice.NodeCount; node++)
        {
            var levels = search.Lattice.Levels(node);
            if (AnonymityVerifier.Verify(FullDomainRecoding.Apply(table, levels, policy), policy).Count > 0)
            {
                continue;
            }

            any = true;
            best = Math.Min(best, search.Evaluate(levels).Utility.Value(metric));
        }

        return (best, any);
    }
}
