using OpenChronic.Analytics.ReleaseUtility;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.Tests.ReleaseUtility;

public sealed class EventUtilityReportTests
{
    private static readonly string[] s_territories = ["75", "92", "93", "13", "69", "33"];

    // persons whose drug and stays depend on an ALD and on the territory, so that every analysis has signal
    private static List<UtilityPerson> Persons(int count, int seed, Func<List<(string Code, string Period)>, List<(string Code, string Period)>> release)
    {
        var random = new Random(seed);
        var persons = new List<UtilityPerson>();
        for (var i = 0; i < count; i++)
        {
            var t = random.Next(s_territories.Length);
            var ald = random.NextDouble() < 0.4;
            var items = new List<(string Code, string Period)> { ("spe:1", "q" + random.Next(0, 4)) };
            items.Add((ald ? "atc:A10BA" : "atc:N02BE", "q" + random.Next(0, 3)));
            if (random.NextDouble() < 0.1 + (0.1 * t))
            {
                var q = random.Next(0, 6);
                items.Add(("ghm:05", "q" + q));
                if (random.NextDouble() < 0.2 + (0.12 * t))
                {
                    items.Add(("spe:22", "q" + (q + random.Next(0, 2))));
                }
            }

            if (random.NextDouble() < 0.2 + (0.1 * t))
            {
                items.Add(("nabm:12", "q1"));
            }

            persons.Add(new UtilityPerson(s_territories[t], random.Next(2) == 0 ? "M" : "F", "60-69", ald ? [8] : [], items, release(items)));
        }

        return persons;
    }

    [Fact]
    public void Compute_ReleasedEqualsOriginal_NoLossPerfectAgreement()
    {
        var persons = Persons(600, 1, items => items);

        var figures = EventUtilityReport.Compute(persons, "quarter", 4, "departement", seed: 1).ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal(0, figures["auc_loss"], 9);
        Assert.True(figures["auc_original"] > 0.9);
        Assert.Equal(1, figures["coordination_followup_pearson"], 9);
        Assert.Equal(1, figures["variability_stay_spearman"], 9);
        Assert.Equal(1, figures["variability_stay_outlier_agreement"], 9);
        Assert.Equal(0, figures["treatment_first_line_tvd"], 9);
    }

    [Fact]
    public void Compute_DrugsSuppressed_PredictionAndLinesLoseEverything()
    {
        var persons = Persons(600, 2, items => [.. items.Where(i => !i.Code.StartsWith("atc:", StringComparison.Ordinal))]);

        var figures = EventUtilityReport.Compute(persons, "quarter", 4, "departement", seed: 1).ToDictionary(f => f.Name, f => f.Value);

        Assert.True(figures["auc_loss"] > 0.2, figures["auc_loss"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(figures["treatment_first_line_tvd"] > 0.9);
        Assert.Equal(1, figures["variability_stay_spearman"], 9);
        Assert.Equal(figures["auc_original"], figures["auc_restored_atc"], 9);
        Assert.True(figures["auc_restored_ghm"] < figures["auc_original"] - 0.2);
    }

    [Fact]
    public void FollowUp_GeneralizedPeriods_OverlapCounts()
    {
        var spans = new PeriodSpans("quarter");

        Assert.Equal(1, TerritoryUtility.FollowUp([("ghm:05", "q2"), ("spe:1", "q3")], spans));
        Assert.Equal(0, TerritoryUtility.FollowUp([("ghm:05", "q2"), ("spe:1", "q5")], spans));
        Assert.Equal(1, TerritoryUtility.FollowUp([("ghm:05", "y0"), ("spe:1", "q3")], spans));
        Assert.Null(TerritoryUtility.FollowUp([("spe:1", "q3")], spans));
    }

    [Fact]
    public void Spearman_MonotoneAndReversed_PlusAndMinusOne()
    {
        double[] x = [1, 2, 3, 4, 10];

        Assert.Equal(1, UtilityStatistics.Spearman(x, [2, 3, 5, 8, 9]), 9);
        Assert.Equal(-1, UtilityStatistics.Spearman(x, [9, 8, 5, 3, 2]), 9);
        Assert.Equal([1.5, 1.5, 3], UtilityStatistics.Ranks([1, 1, 2]));
        Assert.True(double.IsNaN(UtilityStatistics.Pearson([1, 1, 1], [1, 2, 3])));
    }
}
