using System.Globalization;
using System.Net;
using System.Text;

namespace OpenChronic.Analytics.Coordination.Plots;

/// <summary>A histogram panel: bins of equal width from <see cref="Low"/>; a null count is a suppressed bin (drawn hatched grey).</summary>
public sealed record HistogramPanel(string Title, double Low, double BinWidth, IReadOnlyList<long?> Counts);

/// <summary>One row of a dot plot: a label, a value and its interval, and an optional second value (drawn hollow).</summary>
public sealed record DotRow(string Label, double Value, double Low, double High, double? Second = null);

/// <summary>
/// Minimal self-contained SVG charts for the coordination release (no dependency, invariant culture, deterministic
/// output): small multiples of histograms and a dot plot with intervals.
/// </summary>
public static class SvgChart
{
    private const int PanelWidth = 260;
    private const int PanelHeight = 170;
    private const int Margin = 30;

    /// <summary>Histograms side by side, <paramref name="columns"/> per row, each scaled to its own maximum.</summary>
    public static string Histograms(string title, IReadOnlyList<HistogramPanel> panels, int columns = 3)
    {
        ArgumentNullException.ThrowIfNull(panels);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var rows = (panels.Count + columns - 1) / columns;
        var width = (columns * PanelWidth) + (2 * Margin);
        var height = (rows * PanelHeight) + (2 * Margin);
        var svg = Begin(width, height, title);
        for (var i = 0; i < panels.Count; i++)
        {
            var p = panels[i];
            double x0 = Margin + (i % columns * PanelWidth) + 10, y0 = Margin + (i / columns * PanelHeight) + 20;
            double w = PanelWidth - 30, h = PanelHeight - 50;
            Text(svg, x0, y0 - 6, p.Title, 12, "start");
            var max = Math.Max(1, p.Counts.Max(c => c ?? 0));
            var bw = w / Math.Max(1, p.Counts.Count);
            for (var k = 0; k < p.Counts.Count; k++)
            {
                if (p.Counts[k] is { } c)
                {
                    var bh = h * c / max;
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x0 + (k * bw))}\" y=\"{F(y0 + h - bh)}\" width=\"{F(Math.Max(bw - 1, 0.5))}\" height=\"{F(bh)}\" fill=\"#4477aa\"/>\n");
                }
                else
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x0 + (k * bw))}\" y=\"{F(y0)}\" width=\"{F(Math.Max(bw - 1, 0.5))}\" height=\"{F(h)}\" fill=\"#dddddd\"/>\n");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x0)}\" y1=\"{F(y0 + h)}\" x2=\"{F(x0 + w)}\" y2=\"{F(y0 + h)}\" stroke=\"#333\"/>\n");
            Text(svg, x0, y0 + h + 14, F(p.Low), 10, "start");
            Text(svg, x0 + w, y0 + h + 14, F(p.Low + (p.BinWidth * p.Counts.Count)), 10, "end");
            Text(svg, x0 + w, y0 + 8, $"max {max.ToString(CultureInfo.InvariantCulture)}", 10, "end");
        }

        return End(svg);
    }

    /// <summary>A dot plot of rates in [0, 1] (one row per label, in the given order) with their intervals.</summary>
    public static string DotPlot(string title, string legend, IReadOnlyList<DotRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const int rowHeight = 14, labelWidth = 70, plotWidth = 420;
        var height = (rows.Count * rowHeight) + (3 * Margin) + 10;
        var svg = Begin(labelWidth + plotWidth + (2 * Margin), height, title);
        double x0 = Margin + labelWidth, y0 = (2 * Margin) + 4;
        Text(svg, x0, Margin + 12, legend, 11, "start");
        for (var t = 0; t <= 10; t += 2)
        {
            var x = x0 + (plotWidth * t / 10.0);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{F(y0 - 6)}\" x2=\"{F(x)}\" y2=\"{F(y0 + (rows.Count * rowHeight))}\" stroke=\"#eee\"/>\n");
            Text(svg, x, y0 - 8, F(t / 10.0), 10, "middle");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = y0 + (i * rowHeight) + (rowHeight / 2.0);
            Text(svg, x0 - 6, y + 4, r.Label, 10, "end");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x0 + (plotWidth * Clamp(r.Low)))}\" y1=\"{F(y)}\" x2=\"{F(x0 + (plotWidth * Clamp(r.High)))}\" y2=\"{F(y)}\" stroke=\"#4477aa\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x0 + (plotWidth * Clamp(r.Value)))}\" cy=\"{F(y)}\" r=\"3\" fill=\"#4477aa\"/>\n");
            if (r.Second is { } s)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(x0 + (plotWidth * Clamp(s)))}\" cy=\"{F(y)}\" r=\"3\" fill=\"none\" stroke=\"#cc6677\"/>\n");
            }
        }

        return End(svg);
    }

    private static double Clamp(double v) => double.IsNaN(v) ? 0 : Math.Clamp(v, 0, 1);

    private static StringBuilder Begin(int width, int height, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        Text(svg, Margin, 20, title, 14, "start");
        return svg;
    }

    private static string End(StringBuilder svg) => svg.Append("</svg>\n").ToString();

    private static void Text(StringBuilder svg, double x, double y, string text, int size, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{size}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>\n");

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
