using System.Text;

namespace OpenChronic.Client.Report;

/// <summary>
/// The risk–utility curve of a calibration: every explored policy as a point (highest prosecutor risk, utility kept),
/// one colour per cohort, the frontier joined, the chosen policy ringed, and the risk target as a vertical line.
/// </summary>
internal static class RiskUtilitySvg
{
    /// <summary>An explored policy of a cohort's calibration.</summary>
    public sealed record Point(double Risk, double Utility, bool Chosen, string Label);

    public static string Render(IReadOnlyList<(string Cohort, IReadOnlyList<Point> Points)> series, double riskTarget, string title)
    {
        ArgumentNullException.ThrowIfNull(series);
        const double width = 720, height = 420, left = 60, top = 30, plotW = 460, plotH = 330;
        var xMax = Math.Max(riskTarget * 1.2, series.SelectMany(s => s.Points).Select(p => p.Risk).DefaultIfEmpty(0.1).Max() * 1.05);
        double X(double risk) => left + Math.Clamp(risk / xMax, 0, 1) * plotW;
        double Y(double utility) => top + (1 - Math.Clamp(utility, 0, 1)) * plotH;
        var svg = new StringBuilder(Svg.Open(width, height, title));
        svg.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#444\"/>");
        for (var i = 0; i <= 5; i++)
        {
            var risk = xMax * i / 5;
            svg.Append($"<text x=\"{Svg.N(X(risk))}\" y=\"{Svg.N(top + plotH + 16)}\" font-size=\"10\" text-anchor=\"middle\">{Svg.N(risk * 100)} %</text>")
                .Append($"<text x=\"{Svg.N(left - 6)}\" y=\"{Svg.N(Y(i / 5.0) + 4)}\" font-size=\"10\" text-anchor=\"end\">{Svg.N(i * 20)} %</text>");
        }

        svg.Append($"<text x=\"{Svg.N(left + plotW / 2)}\" y=\"{Svg.N(height - 8)}\" font-size=\"12\" text-anchor=\"middle\">highest prosecutor risk</text>")
            .Append($"<text x=\"14\" y=\"{Svg.N(top + plotH / 2)}\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Svg.N(top + plotH / 2)})\">utility kept (1 − loss)</text>")
            .Append($"<line x1=\"{Svg.N(X(riskTarget))}\" y1=\"{top}\" x2=\"{Svg.N(X(riskTarget))}\" y2=\"{top + plotH}\" stroke=\"#D55E00\" stroke-dasharray=\"4 3\"/>")
            .Append($"<text x=\"{Svg.N(X(riskTarget) + 4)}\" y=\"{top + 12}\" font-size=\"10\" fill=\"#D55E00\">target {Svg.N(riskTarget * 100)} %</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Svg.Colour(s);
            var frontier = Frontier(series[s].Points);
            if (frontier.Count > 1)
            {
                svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{string.Join(' ', frontier.Select(p => $"{Svg.N(X(p.Risk))},{Svg.N(Y(p.Utility))}"))}\"/>");
            }

            foreach (var p in series[s].Points)
            {
                svg.Append($"<circle cx=\"{Svg.N(X(p.Risk))}\" cy=\"{Svg.N(Y(p.Utility))}\" r=\"{(p.Chosen ? 6 : 3)}\" fill=\"{(p.Chosen ? "none" : colour)}\" stroke=\"{colour}\" stroke-width=\"{(p.Chosen ? 2.5 : 1)}\">")
                    .Append($"<title>{Svg.Escape(series[s].Cohort)}: {Svg.Escape(p.Label)}, risk {Svg.N(p.Risk * 100)} %, utility {Svg.N(p.Utility * 100)} %{(p.Chosen ? " (chosen)" : "")}</title></circle>");
            }

            var y = top + 10 + s * 18;
            svg.Append($"<circle cx=\"{left + plotW + 24}\" cy=\"{y}\" r=\"4\" fill=\"{colour}\"/>")
                .Append($"<text x=\"{left + plotW + 34}\" y=\"{y + 4}\" font-size=\"11\">{Svg.Escape(series[s].Cohort)}</text>");
        }

        var legend = top + 10 + series.Count * 18;
        svg.Append($"<circle cx=\"{left + plotW + 24}\" cy=\"{legend}\" r=\"6\" fill=\"none\" stroke=\"#444\" stroke-width=\"2.5\"/>")
            .Append($"<text x=\"{left + plotW + 34}\" y=\"{legend + 4}\" font-size=\"11\">chosen policy</text>");
        return svg.Append("</svg>").ToString();
    }

    // The upper-left frontier: by increasing risk, the points that keep more utility than any of lower risk.
    private static List<Point> Frontier(IReadOnlyList<Point> points)
    {
        var frontier = new List<Point>();
        foreach (var p in points.OrderBy(p => p.Risk).ThenByDescending(p => p.Utility))
        {
            if (frontier.Count == 0 || p.Utility > frontier[^1].Utility)
            {
                frontier.Add(p);
            }
        }

        return frontier;
    }
}
