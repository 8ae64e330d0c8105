using OpenChronic.Domain.Privacy.Risk;

namespace OpenChronic.Domain.Tests.Privacy.Risk;

public sealed class ReidentificationRiskTests
{
    // Four classes of 1, 2, 3 and 4 records (n = 10); in the population 5, 4, 30 and 40 people.
    private static readonly EquivalenceClasses s_small = new([1, 2, 3, 4], [5, 4, 30, 40]);

    [Fact]
    public void Prosecutor_HandComputed()
    {
        var risk = ReidentificationRisk.Prosecutor(s_small, threshold: 0.3);

        Assert.Equal(1.0, risk.Highest);
        Assert.Equal(0.25, risk.Lowest);
        Assert.Equal(0.4, risk.Average, 15);
        // 1/1, 1/2 and 1/3 exceed 0.3: 1 + 2 + 3 of 10 records.
        Assert.Equal(0.6, risk.RecordsAtRisk, 15);
    }

    [Fact]
    public void Journalist_HandComputed()
    {
        var risk = ReidentificationRisk.Journalist(s_small, threshold: 0.2);

        Assert.Equal(0.25, risk.Highest);
        Assert.Equal(0.025, risk.Lowest);
        // max(4/79, (1/5 + 2/4 + 3/30 + 4/40)/10) = max(0.0506, 0.09)
        Assert.Equal(0.09, risk.Average, 15);
        // Only F = 4 exceeds 0.2 (F = 5 gives exactly 0.2): 2 of 10 records.
        Assert.Equal(0.2, risk.RecordsAtRisk, 15);
    }

    [Fact]
    public void Marketer_WithAndWithoutPopulation_HandComputed()
    {
        Assert.Equal(0.09, ReidentificationRisk.Marketer(s_small), 15);
        Assert.Equal(0.4, ReidentificationRisk.Marketer(new EquivalenceClasses([1, 2, 3, 4])), 15);
    }

    [Fact]
    public void SampleUniqueness_OneUniqueOfTen_IsOneTenth() =>
        Assert.Equal(0.1, ReidentificationRisk.SampleUniqueness(s_small), 15);

    [Fact]
    public void Prosecutor_SmallestClassSixteen_HighestRiskIsAdultOptimumFigure()
    {
        // Constructed classes (not the real Adult generalization): the smallest has 16 records, as at ARX's
        // optimum [1,1,1,1,3,2,2,1] on Adult, whose highest prosecutor risk is 0.0625.
        var classes = new EquivalenceClasses([16, 17, 40, 250, 1_000, 28_839]);

        var risk = ReidentificationRisk.Prosecutor(classes, threshold: 0.06);

        Assert.Equal(0.0625, risk.Highest);
        // Only the class of 16 is above 0.06 (1/17 ≈ 0.0588).
        Assert.Equal(16.0 / 30_162, risk.RecordsAtRisk, 15);
        Assert.Equal(6.0 / 30_162, risk.Average, 15);
    }

    [Fact]
    public void Journalist_WithoutPopulation_Throws() =>
        Assert.Throws<ArgumentException>(() => ReidentificationRisk.Journalist(new EquivalenceClasses([3, 4]), 0.1));

    [Fact]
    public void Constructor_PopulationSmallerThanSample_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EquivalenceClasses([3, 4], [3, 2]));

    [Fact]
    public void FromRows_GroupsEqualKeys()
    {
        var classes = EquivalenceClasses.FromRows(new[] { "a", "b", "a", "c", "a" });

        Assert.Equal([3, 1, 1], classes.SampleSizes.OrderDescending());
        Assert.Equal(5, classes.RecordCount);
    }
}
