using OpenChronic.Analytics.Pathways;

namespace OpenChronic.Analytics.Tests.Pathways;

public sealed class SequenceTreeTests
{
    [Fact]
    public void Build_LargeCells_AreShownWithTheirCounts()
    {
        var tree = SequenceTree.Build(new Dictionary<string, long> { ["d>A"] = 30, ["d>A>B"] = 20, ["d>C"] = 15 }, '>', 11);

        Assert.Equal(65, tree.Persons);
        var d = Assert.Single(tree.Children);
        Assert.Equal(("d", 65L), (d.Label, d.Persons));
        Assert.Equal([("A", 50L), ("C", 15L)], d.Children.Select(c => (c.Label, c.Persons)));
        Assert.Equal(("B", 20L), (d.Children[0].Children[0].Label, d.Children[0].Children[0].Persons));
    }

    [Fact]
    public void Build_SmallCells_AreFoldedAndTheFoldIsNeverUnderTheMinimum()
    {
        var tree = SequenceTree.Build(new Dictionary<string, long> { ["A"] = 40, ["B"] = 12, ["C"] = 5 }, '>', 11);

        // C alone (5) would be recoverable as 57 - 40 - 12: B is folded with it.
        Assert.Equal([("A", 40L), (SequenceTree.Other, 17L)], tree.Children.Select(c => (c.Label, c.Persons)));
        Assert.All(Flatten(tree), n => Assert.True(n.Persons == 0 || n.Persons >= 11, $"{n.Label} = {n.Persons}"));
    }

    [Fact]
    public void Build_TooFewPersonsInAll_ShowsNothing()
    {
        var tree = SequenceTree.Build(new Dictionary<string, long> { ["A"] = 6, ["B"] = 4 }, '>', 11);

        Assert.Equal(0, tree.Persons);
        Assert.Empty(tree.Children);
    }

    [Fact]
    public void SettingFlows_SmallFlows_AreLeftOut()
    {
        var flows = SettingFlows.Build(new Dictionary<string, long> { ["GP>hospital>GP"] = 20, ["GP>GP>GP"] = 5 }, '>', 11);

        Assert.Equal([new SettingFlow(0, "GP", "hospital", 20), new SettingFlow(1, "hospital", "GP", 20)], flows);
    }

    private static IEnumerable<SequenceNode> Flatten(SequenceNode node) => node.Children.SelectMany(Flatten).Prepend(node);
}
