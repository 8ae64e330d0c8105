using System.Xml.Linq;
using OpenChronic.Analytics.Pathways;
using OpenChronic.Client.Report;

namespace OpenChronic.Client.Tests.Report;

public sealed class SvgWritersTests
{
    [Fact]
    public void Sunburst_Tree_IsWellFormedSvgWithOneArcPerNode()
    {
        var tree = SequenceTree.Build(new Dictionary<string, long> { ["A>B"] = 30, ["A>C"] = 20, ["D"] = 40, ["E<&>"] = 15 }, '>', 11);

        var svg = XDocument.Parse(SunburstSvg.Render(tree, "t"));

        Assert.Equal(Nodes(tree) - 1, svg.Descendants(XName.Get("path", "http://www.w3.org/2000/svg")).Count());
    }

    [Fact]
    public void Sankey_Flows_AreWellFormedSvgWithOneBandPerFlow()
    {
        var flows = SettingFlows.Build(new Dictionary<string, long> { ["GP>hospital>GP>GP"] = 20, ["GP>GP>GP>GP"] = 30 }, '>', 11);

        var svg = XDocument.Parse(SankeySvg.Render(flows, ["a", "b", "c", "d"], ["hospital", "GP"], "t"));

        Assert.Equal(flows.Count, svg.Descendants(XName.Get("path", "http://www.w3.org/2000/svg")).Count());
    }

    [Fact]
    public void Sankey_NoFlow_SaysSo()
    {
        Assert.Contains("No flow", SankeySvg.Render([], ["a", "b"], ["GP"], "t"), StringComparison.Ordinal);
    }

    [Fact]
    public void BarChart_Values_AreWellFormedSvgWithOneBarPerValue()
    {
        var svg = XDocument.Parse(BarChartSvg.Render([("x", [1.0, 2.0]), ("y<z", [0.0, 3.5])], ["2019", "2020"], "t", "persons"));

        Assert.Equal(4 + 2, svg.Descendants(XName.Get("rect", "http://www.w3.org/2000/svg")).Count());
    }

    private static int Nodes(SequenceNode node) => 1 + node.Children.Sum(Nodes);
}
