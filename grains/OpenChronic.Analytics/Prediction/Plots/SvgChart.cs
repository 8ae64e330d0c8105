using System.Globalization;
using System.Net;
using System.Text;

namespace OpenChronic.Analytics.Prediction.Plots;

/// <summary>
/// A minimal, self-contained SVG line chart on [0, 1] × [0, 1] (or a given upper bound): axes with ticks, a dashed
/// diagonal, one polyline (optionally with markers) per series, and a legend.
/// </summary>
public sealed class SvgChart(string title, string xLabel, string yLabel, double xMax = 1, double yMax = 1)
{
    private const int Width = 560;
    private const int Height = 460;
    private const int Left = 60;
    private const int Top = 40;
    private const int PlotWidth = 320;
    private const int PlotHeight = 360;

    private static readonly string[] s_colours = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"];

    private readonly List<(string Name, IReadOnlyList<(double X, double Y)> Points, bool Markers)> _series = [];

    /// <summary>Adds a series; <paramref name="markers"/> draws a dot at each point.</summary>
    public SvgChart Add(string name, IReadOnlyList<(double X, double Y)> points, bool markers = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        _series.Add((name, points, markers));
        return this;
    }

    /// <summary>The SVG document.</summary>
    public string Render()
    {
        var s = new StringBuilder();
        s.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        s.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        s.Append(Invariant($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Escape(title)}</text>\n"));
        s.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{PlotWidth}\" height=\"{PlotHeight}\" fill=\"none\" stroke=\"black\"/>\n"));
        for (var i = 0; i <= 5; i++)
        {
            var fx = xMax * i / 5;
            var fy = yMax * i / 5;
            s.Append(Invariant($"<text x=\"{X(fx):F1}\" y=\"{Top + PlotHeight + 16}\" text-anchor=\"middle\">{fx:0.##}</text>\n"));
            s.Append(Invariant($"<text x=\"{Left - 6}\" y=\"{Y(fy) + 4:F1}\" text-anchor=\"end\">{fy:0.##}</text>\n"));
            s.Append(Invariant($"<line x1=\"{X(fx):F1}\" y1=\"{Top}\" x2=\"{X(fx):F1}\" y2=\"{Top + PlotHeight}\" stroke=\"#eee\"/>\n"));
            s.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Y(fy):F1}\" x2=\"{Left + PlotWidth}\" y2=\"{Y(fy):F1}\" stroke=\"#eee\"/>\n"));
        }

        var diagonal = Math.Min(xMax, yMax);
        s.Append(Invariant($"<line x1=\"{X(0):F1}\" y1=\"{Y(0):F1}\" x2=\"{X(diagonal):F1}\" y2=\"{Y(diagonal):F1}\" stroke=\"grey\" stroke-dasharray=\"4 4\"/>\n"));
        s.Append(Invariant($"<text x=\"{Left + (PlotWidth / 2)}\" y=\"{Top + PlotHeight + 36}\" text-anchor=\"middle\">{Escape(xLabel)}</text>\n"));
        s.Append(Invariant($"<text transform=\"translate(16 {Top + (PlotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\">{Escape(yLabel)}</text>\n"));
        for (var k = 0; k < _series.Count; k++)
        {
            var (name, points, markers) = _series[k];
            var colour = s_colours[k % s_colours.Length];
            var path = string.Join(" ", points.Select(p => Invariant($"{X(p.X):F1},{Y(p.Y):F1}")));
            s.Append(Invariant($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" points=\"{path}\"/>\n"));
            if (markers)
            {
                foreach (var p in points)
                {
                    s.Append(Invariant($"<circle cx=\"{X(p.X):F1}\" cy=\"{Y(p.Y):F1}\" r=\"3\" fill=\"{colour}\"/>\n"));
                }
            }

            var ly = Top + 10 + (k * 18);
            s.Append(Invariant($"<line x1=\"{Left + PlotWidth + 14}\" y1=\"{ly}\" x2=\"{Left + PlotWidth + 34}\" y2=\"{ly}\" stroke=\"{colour}\" stroke-width=\"3\"/>\n"));
            s.Append(Invariant($"<text x=\"{Left + PlotWidth + 40}\" y=\"{ly + 4}\">{Escape(name)}</text>\n"));
        }

        s.Append("</svg>\n");
        return s.ToString();
    }

    private double X(double x) => Left + (PlotWidth * Math.Clamp(x / xMax, 0, 1));

    private double Y(double y) => Top + PlotHeight - (PlotHeight * Math.Clamp(y / yMax, 0, 1));

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
