using System.Text;

namespace OpenChronic.Client.Report;

/// <summary>A horizontal bar chart of labelled values, optionally in groups of series (e.g. one bar per year).</summary>
internal static class BarChartSvg
{
    public static string Render(IReadOnlyList<(string Label, IReadOnlyList<double> Values)> rows, IReadOnlyList<string> series, string title, string unit,
        double width = 720)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(series);
        const double labelWidth = 170;
        const double bar = 12;
        var rowHeight = bar * Math.Max(series.Count, 1) + 8;
        var height = 30 + rows.Count * rowHeight + 10;
        var max = rows.SelectMany(r => r.Values).DefaultIfEmpty(0).Max();
        var scale = max > 0 ? (width - labelWidth - 80) / max : 0;
        var svg = new StringBuilder(Svg.Open(width, height, title));
        for (var s = 0; s < series.Count; s++)
        {
            svg.Append($"<rect x=\"{Svg.N(labelWidth + s * 90)}\" y=\"4\" width=\"10\" height=\"10\" fill=\"{Svg.Colour(s)}\"/>")
                .Append($"<text x=\"{Svg.N(labelWidth + s * 90 + 14)}\" y=\"13\" font-size=\"11\">{Svg.Escape(series[s])}</text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = 26 + r * rowHeight;
            svg.Append($"<text x=\"{Svg.N(labelWidth - 6)}\" y=\"{Svg.N(y + rowHeight / 2)}\" text-anchor=\"end\" font-size=\"11\">{Svg.Escape(rows[r].Label)}</text>");
            for (var s = 0; s < rows[r].Values.Count; s++)
            {
                var v = rows[r].Values[s];
                var w = Math.Max(v * scale, v > 0 ? 1 : 0);
                svg.Append($"<rect x=\"{labelWidth}\" y=\"{Svg.N(y + s * bar)}\" width=\"{Svg.N(w)}\" height=\"{bar - 2}\" fill=\"{Svg.Colour(s)}\"><title>{Svg.Escape(rows[r].Label)}, {Svg.Escape(series[s])}: {Svg.N(v)} {Svg.Escape(unit)}</title></rect>")
                    .Append($"<text x=\"{Svg.N(labelWidth + w + 4)}\" y=\"{Svg.N(y + s * bar + bar - 3)}\" font-size=\"9\">{Svg.N(v)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
