using System.Text;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class ContributionBounderTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("a-16-byte-key-for-tests");

    [Fact]
    public void Bound_PersonWithManyCells_KeepsL0CellsChosenByKeyedRank()
    {
        var bounder = new ContributionBounder(s_key, new ContributionBounds(maxCellsPerPerson: 2, maxPerCell: 1));
        string[] cells = ["A", "B", "C", "D", "E"];
        var rows = cells.Select(c => new ContributionRow("p1", c, 1)).Append(new ContributionRow("p2", "A", 1));

        var bounded = bounder.Bound(rows);

        var expectedKept = cells.OrderBy(c => bounder.SelectionRank("p1", c)).Take(2).ToHashSet();
        Assert.Equal(2 + 1, bounded.CellTotals.Values.Sum());
        foreach (var cell in cells)
        {
            var fromP2 = cell == "A" ? 1 : 0;
            var fromP1 = expectedKept.Contains(cell) ? 1 : 0;
            Assert.Equal(fromP1 + fromP2, bounded.CellTotals.GetValueOrDefault(cell));
        }

        Assert.Equal(2, bounded.Persons);
        Assert.Equal(1, bounded.PersonsOverCellLimit);
        Assert.Equal(3, bounded.DroppedPersonCells);
    }

    [Fact]
    public void Bound_ManyRowsInOneCell_ClippedToLInfinity()
    {
        var bounder = new ContributionBounder(s_key, new ContributionBounds(maxCellsPerPerson: 3, maxPerCell: 2));
        var rows = Enumerable.Repeat(new ContributionRow("p1", "E11", 1), 7)
            .Append(new ContributionRow("p2", "E11", 1))
            .Append(new ContributionRow("p3", "I10", -9));

        var bounded = bounder.Bound(rows);

        Assert.Equal(2 + 1, bounded.CellTotals["E11"]);
        Assert.Equal(-2, bounded.CellTotals["I10"]);
        Assert.Equal(2, bounded.ClippedPersonCells);
        Assert.Equal(5 + 7, bounded.RemovedMass);
    }

    [Fact]
    public void Bound_RowOrderOrOtherKey_SameKeyGivesSameSelection_OtherKeyMayDiffer()
    {
        var bounds = new ContributionBounds(maxCellsPerPerson: 3, maxPerCell: 1);
        var rows = Enumerable.Range(0, 40).Select(i => new ContributionRow("p" + (i % 4), "c" + i, 1)).ToList();
        var a = new ContributionBounder(s_key, bounds).Bound(rows);
        var b = new ContributionBounder(s_key, bounds).Bound(Enumerable.Reverse(rows));
        var other = new ContributionBounder(Encoding.UTF8.GetBytes("another-key-of-16+bytes"), bounds).Bound(rows);

        Assert.Equal(a.CellTotals, b.CellTotals);
        Assert.Equal(12, a.CellTotals.Values.Sum());
        Assert.NotEqual(a.CellTotals.Keys, other.CellTotals.Keys);
    }

    [Fact]
    public void Sensitivities_AreL0TimesLInfinityAndL0TimesLInfinitySquared()
    {
        var bounds = new ContributionBounds(maxCellsPerPerson: 4, maxPerCell: 3);

        Assert.Equal(12, bounds.L1Sensitivity);
        Assert.Equal(36, bounds.L2SensitivitySquared);
    }
}
