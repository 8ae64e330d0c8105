using System.Xml.Linq;
using OpenChronic.Analytics.Coordination.Plots;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class SvgChartTests
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Histograms_DrawsOneBarPerBin_SuppressedBinsGrey()
    {
        var doc = XDocument.Parse(SvgChart.Histograms("t <&>", [new HistogramPanel("coc", 0, 0.5, [3, null]), new HistogramPanel("upc", 0, 1, [0])]));
        var rects = doc.Descendants(s_svg + "rect").Skip(1).ToArray();
        Assert.Equal(3, rects.Length);
        Assert.Equal("#dddddd", (string?)rects[1].Attribute("fill"));
        Assert.Contains(doc.Descendants(s_svg + "text"), t => t.Value == "t <&>");
    }

    [Fact]
    public void DotPlot_DrawsOneDotPerRow_AndTheSecondValueHollow()
    {
        var doc = XDocument.Parse(SvgChart.DotPlot("t", "legend", [new DotRow("075", 0.6, 0.5, 0.7, 0.9), new DotRow("013", 0.4, 0.3, 0.5)]));
        var circles = doc.Descendants(s_svg + "circle").ToArray();
        Assert.Equal(3, circles.Length);
        Assert.Single(circles, c => (string?)c.Attribute("fill") == "none");

        // x = 100 + 420·value: 0.6 → 352.
        Assert.Equal("352", (string?)circles[0].Attribute("cx"));
    }
}
