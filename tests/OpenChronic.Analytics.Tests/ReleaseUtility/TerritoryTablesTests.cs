using OpenChronic.Analytics.ReleaseUtility;

namespace OpenChronic.Analytics.Tests.ReleaseUtility;

public sealed class TerritoryTablesTests
{
    // département i holds first + 30 i persons, a share 0.1 + 0.1 i of them with a stay, followed up for two thirds
    private static List<(string Territory, IReadOnlyList<(string Code, string Period)> Items)> Persons(int territories, int first)
    {
        var persons = new List<(string, IReadOnlyList<(string Code, string Period)>)>();
        for (var t = 0; t < territories; t++)
        {
            var count = first + (30 * t);
            for (var p = 0; p < count; p++)
            {
                var stay = p < count * (0.1 + (0.1 * t));
                List<(string Code, string Period)> items = [("spe:1", "q5"), ("atc:A10BA", "q0")];
                if (stay)
                {
                    items.Add(("ghm:05", "q1"));
                    items.Add(("spe:22", p % 3 == 0 ? "q7" : "q1"));
                }

                persons.Add(((t + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), items));
            }
        }

        return persons;
    }

    [Fact]
    public void Build_SmallCells_SuppressedAndNoPublishedCountUnderEleven()
    {
        var persons = Persons(6, 40);

        var table = TerritoryTables.Build(persons, "quarter", "atc:A10B");

        Assert.All(table, r => Assert.True(r.Persons is null || r.Persons == 0 || r.Persons >= 11, $"{r.Territory} {r.Table} {r.Column} {r.Persons}"));
        Assert.Null(table.Single(r => r.Territory == "10" && r.Table == "stay" && r.Column == "yes").Persons);
        Assert.Equal(190, table.Single(r => r.Territory == "15" && r.Table == "biology" && r.Column == "total").Persons);
        Assert.Equal(690, table.Single(r => r.Territory == "FR" && r.Table == "drug" && r.Column == "yes").Persons);
        foreach (var territory in table.Select(r => r.Territory).Distinct())
        {
            var totals = table.Where(r => r.Territory == territory && r.Column == "total").Select(r => r.Persons).Distinct().ToList();
            Assert.Single(totals);
        }
    }

    [Fact]
    public void Compare_LargeTerritories_PublishedSharesRankLikeTheOriginal()
    {
        var persons = Persons(8, 400);
        var table = TerritoryTables.Build(persons, "quarter", "atc:A10B");

        var figures = TerritoryTables.Compare(persons, "quarter", "atc:A10B", table).ToDictionary(f => f.Name, f => f.Value);

        Assert.True(figures["territory_table_stay_spearman"] > 0.9, figures["territory_table_stay_spearman"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, figures["territory_table_stay_published"]);
    }
}
