using OpenChronic.Analytics.ReleaseUtility;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Analytics.Tests.ReleaseUtility;

public sealed class TerritoryTablesTests
{
    private static readonly IReadOnlyList<TerritoryTableSpec> s_specs =
    [
        new("stay", ["yes", "no"], [1, 0], "persons", "variability"),
        new("act", ["yes", "no"], [1, 0], "persons", "variability"),
        new("bins", ["low", "high"], [0.25, 0.75], "visits", "coordination"),
    ];

    // département i holds first + 30 i persons, a share 0.1 + 0.1 i with a stay, one in 40 with an act,
    // every second person in the "visits" universe with a value 0.2 or 0.7 (high for the first 0.1 + 0.1 i)
    private static List<TablePerson> Persons(int territories, int first)
    {
        var persons = new List<TablePerson>();
        for (var t = 0; t < territories; t++)
        {
            var count = first + (30 * t);
            for (var p = 0; p < count; p++)
            {
                var stay = p < count * (0.1 + (0.1 * t));
                var act = p % 40 == 0;
                var visits = p % 2 == 0;
                persons.Add(new TablePerson((t + 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    [stay ? 0 : 1, act ? 0 : 1, visits ? (stay ? 1 : 0) : -1], [stay ? 1 : 0, act ? 1 : 0, visits ? (stay ? 0.7 : 0.2) : double.NaN]));
            }
        }

        return persons;
    }

    private static ChaCha20RandomBits Bits() => new([.. Enumerable.Range(0, 32).Select(i => (byte)i)], new byte[12]);

    [Fact]
    public void Suppress_SmallCells_HiddenAndNoPublishedCountUnderEleven()
    {
        var cells = TerritoryTables.Suppress(s_specs, Persons(6, 40));

        Assert.All(cells, r => Assert.True(r.Persons is null || r.Persons == 0 || r.Persons >= 11, $"{r.Territory} {r.Table} {r.Column} {r.Persons}"));
        Assert.Null(cells.Single(r => r.Territory == "10" && r.Table == "act" && r.Column == "yes").Persons);
        Assert.Equal(190, cells.Single(r => r.Territory == "15" && r.Table == "stay" && r.Column == "total").Persons);
        Assert.Equal(95, cells.Single(r => r.Territory == "15" && r.Table == "bins" && r.Column == "total").Persons);
    }

    [Fact]
    public void Suppress_TablesOfOneUniverse_ShareTheirTotals()
    {
        var cells = TerritoryTables.Suppress(s_specs, Persons(6, 8));

        foreach (var territory in cells.Select(r => r.Territory).Distinct())
        {
            Assert.Single(cells.Where(r => r.Territory == territory && r.Column == "total" && r.Table != "bins").Select(r => r.Persons).Distinct());
        }
    }

    [Fact]
    public void AddNoise_EveryListedDepartementPublishedAndSumsConsistent()
    {
        var persons = Persons(4, 40);
        string[] keys = ["10", "11", "12", "13", "99"];

        var cells = TerritoryTables.AddNoise(s_specs, persons, 1, keys, Bits());

        Assert.All(cells, c => Assert.True(c.Persons >= 0));
        Assert.Equal((keys.Length + 1) * 3 * 3, cells.Count);
        foreach (var group in cells.Where(c => c.Column != "total").GroupBy(c => (c.Territory, c.Table)))
        {
            Assert.Equal(group.Sum(c => c.Persons), cells.Single(c => c.Territory == group.Key.Territory && c.Table == group.Key.Table && c.Column == "total").Persons);
        }

        Assert.Equal(cells.Where(c => c.Territory != "FR" && c.Table == "stay" && c.Column == "yes").Sum(c => c.Persons),
            cells.Single(c => c.Territory == "FR" && c.Table == "stay" && c.Column == "yes").Persons);
        Assert.NotEqual(TerritoryTables.Count(s_specs, persons).Counts[0][0, 0], cells.Single(c => c.Territory == "10" && c.Table == "stay" && c.Column == "yes").Persons);
    }

    [Fact]
    public void AddNoise_SameBits_SameTables() =>
        Assert.Equal(TerritoryTables.AddNoise(s_specs, Persons(3, 20), 0.5, ["10", "11", "12"], Bits()),
            TerritoryTables.AddNoise(s_specs, Persons(3, 20), 0.5, ["10", "11", "12"], Bits()));

    [Fact]
    public void Compare_LargeTerritoriesLargeEpsilon_IndicesCorrelateLikeTheOriginal()
    {
        var persons = Persons(8, 400);
        var cells = TerritoryTables.AddNoise(s_specs, persons, 8, [.. Enumerable.Range(10, 8).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], Bits());

        var figures = TerritoryTableUtility.Compare(s_specs, persons, cells, "dp").ToDictionary(f => f.Name, f => f.Value);

        Assert.True(figures["territory_table_stay_spearman"] > 0.95, figures["territory_table_stay_spearman"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(figures["territory_table_bins_pearson"] > 0.95, figures["territory_table_bins_pearson"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, figures["territory_table_stay_published"]);
        Assert.Equal(1, figures["territory_table_stay_outlier_agreement"]);
        Assert.DoesNotContain("territory_table_bins_outlier_agreement", figures.Keys);
    }

    [Fact]
    public void Compare_SuppressedDepartement_ReadAtTheNationalValue()
    {
        var persons = Persons(6, 40);
        var cells = TerritoryTables.Suppress(s_specs, persons);

        var figures = TerritoryTableUtility.Compare(s_specs, persons, cells, "suppression").ToDictionary(f => f.Name, f => f.Value);

        Assert.True(figures["territory_table_act_published"] < 1);
        Assert.False(double.IsNaN(figures["territory_table_stay_spearman"]));
    }
}
