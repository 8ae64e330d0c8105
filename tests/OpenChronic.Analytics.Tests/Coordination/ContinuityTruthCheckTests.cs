using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class ContinuityTruthCheckTests
{
    private static ContinuityTruthPerson Person(double planted, double expected, int visits, double upcDeclared, double upcMostSeen = 1, double coc = 1) =>
        new(planted, expected, new ContinuityResult(visits, coc, upcDeclared, upcMostSeen, 1, 1, 1, 1, 0));

    [Fact]
    public void Pearson_HandComputedSeries_MatchesFormula()
    {
        // x = 1, 2, 3, 4; y = 2, 1, 4, 3: Sxy = 3, Sxx = Syy = 5, r = 0.6.
        Assert.Equal(0.6, ContinuityTruthCheck.Pearson([1, 2, 3, 4], [2, 1, 4, 3]), 12);
        Assert.Equal(-1, ContinuityTruthCheck.Pearson([1, 2, 3], [3, 2, 1]), 12);
    }

    [Fact]
    public void Pearson_NaNPairsOrTooFew_AreSkippedOrNaN()
    {
        Assert.Equal(0.6, ContinuityTruthCheck.Pearson([1, 2, 3, 4, 9], [2, 1, 4, 3, double.NaN]), 12);
        Assert.True(double.IsNaN(ContinuityTruthCheck.Pearson([1, 2], [1, 2])));
        Assert.True(double.IsNaN(ContinuityTruthCheck.Pearson([1, 1, 1], [1, 2, 3])));
        Assert.Throws<ArgumentException>(() => ContinuityTruthCheck.Pearson([1, 2, 3], [1, 2]));
    }

    [Fact]
    public void Ceiling_HandComputed_MatchesBinomialFormula()
    {
        // e = 0.6, 0.8, 1.0: Var e (n − 1) = 0.04; noise = mean(0.24/4, 0.16/4, 0/4) = 1/30; √(0.04 / (0.04 + 1/30)).
        var persons = new[] { Person(0.2, 0.6, 4, 0.5), Person(0.6, 0.8, 4, 0.75), Person(1, 1, 4, 1) };
        Assert.Equal(Math.Sqrt(0.04 / (0.04 + (1 / 30.0))), ContinuityTruthCheck.Ceiling(persons), 12);

        // On c = 0.2, 0.6, 1 instead: Var c = 0.16; noise = mean(0.16/4, 0.24/4, 0) = 1/30.
        Assert.Equal(Math.Sqrt(0.16 / (0.16 + (1 / 30.0))), ContinuityTruthCheck.Ceiling(persons, p => p.Planted), 12);
    }

    [Fact]
    public void Evaluate_BelowMinimumOrWithoutDeclaredGp_AreLeftOut()
    {
        var persons = new[]
        {
            Person(0.2, 0.6, 4, 0.5),
            Person(0.6, 0.8, 5, 0.8),
            Person(1, 1, 6, 1),
            Person(0.9, 0.95, 3, 0),
            Person(0.1, 0.55, 8, double.NaN),
        };
        var row = ContinuityTruthCheck.Evaluate(persons, 4);
        Assert.Equal(3, row.Persons);
        Assert.Equal(5, row.MeanVisits, 12);
        Assert.Equal(ContinuityTruthCheck.Pearson([0.2, 0.6, 1], [0.5, 0.8, 1]), row.UpcDeclaredVsPlanted, 12);
        Assert.Equal(ContinuityTruthCheck.Pearson([0.6, 0.8, 1], [0.5, 0.8, 1]), row.UpcDeclaredVsExpected, 12);
        Assert.Equal(((0.5 - 0.6) + (0.8 - 0.8) + (1 - 1)) / 3, row.MeanBias, 12);
        Assert.Equal(4, ContinuityTruthCheck.Evaluate(persons, 3).Persons);
    }
}
