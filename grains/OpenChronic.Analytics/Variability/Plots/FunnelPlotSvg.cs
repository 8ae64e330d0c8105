using System.Globalization;
using System.Security;
using System.Text;

namespace OpenChronic.Analytics.Variability.Plots;

/// <summary>A point of a funnel plot: a unit's expected count (precision) and O/E, coloured by its overdispersion-adjusted flag.</summary>
public readonly record struct FunnelPoint(string Label, double Expected, double Ratio, FunnelPosition Flag);

/// <summary>
/// Writes a self-contained SVG funnel plot of O/E against the expected count: target line at 1, exact Poisson limits
/// (95 % dashed, 99.8 % solid) and the overdispersion-adjusted 99.8 % limits (τ², dotted), points coloured by their
/// position against the adjusted limits (grey within, orange beyond 95 %, red beyond 99.8 %), each with a tooltip.
/// </summary>
public static class FunnelPlotSvg
{
    private const double Width = 760, Height = 500, Left = 64, Right = 24, Top = 48, Bottom = 56;
    private const int Samples = 160;

    public static string Render(string title, IReadOnlyList<FunnelPoint> points, double tau2)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(tau2);
        var shown = points.Where(p => double.IsFinite(p.Expected) && p.Expected > 0 && double.IsFinite(p.Ratio) && p.Ratio >= 0).ToList();
        var xMax = NiceCeiling(shown.Count > 0 ? shown.Max(p => p.Expected) * 1.05 : 10);
        var yMax = NiceCeiling(Math.Max(2, shown.Count > 0 ? shown.Max(p => p.Ratio) * 1.1 : 2));
        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(double e) => Left + (e / xMax * plotW);
        double Y(double r) => Top + plotH - (Math.Min(r, yMax) / yMax * plotH);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        svg.Append(Invariant($"<defs><clipPath id=\"plot\"><rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\"/></clipPath></defs>\n"));
        Axes(svg, xMax, yMax, X, Y);

        // Limits from a small expected count (where they leave the plot) to the right edge, log-spaced.
        var from = Math.Max(xMax / 2000, 0.05);
        var es = Enumerable.Range(0, Samples).Select(i => from * Math.Pow(xMax / from, i / (double)(Samples - 1))).ToArray();
        var exact = es.Select(Funnel.Ratio).ToArray();
        var adjusted = es.Select(e => Funnel.RatioAdjusted(e, tau2)).ToArray();
        svg.Append("<g clip-path=\"url(#plot)\" fill=\"none\">\n");
        svg.Append(Invariant($"<line x1=\"{X(0):F1}\" y1=\"{Y(1):F1}\" x2=\"{X(xMax):F1}\" y2=\"{Y(1):F1}\" stroke=\"black\"/>\n"));
        Curve(svg, es, exact.Select(l => l.Low95).ToArray(), X, Y, "#1f77b4", "6 4");
        Curve(svg, es, exact.Select(l => l.High95).ToArray(), X, Y, "#1f77b4", "6 4");
        Curve(svg, es, exact.Select(l => l.Low998).ToArray(), X, Y, "#1f77b4", null);
        Curve(svg, es, exact.Select(l => l.High998).ToArray(), X, Y, "#1f77b4", null);
        if (tau2 > 0)
        {
            Curve(svg, es, adjusted.Select(l => l.Low998).ToArray(), X, Y, "#9467bd", "2 3");
            Curve(svg, es, adjusted.Select(l => l.High998).ToArray(), X, Y, "#9467bd", "2 3");
        }

        svg.Append("</g>\n<g stroke=\"black\" stroke-width=\"0.5\">\n");
        foreach (var p in shown)
        {
            var colour = p.Flag switch
            {
                FunnelPosition.High998 or FunnelPosition.Low998 => "#d62728",
                FunnelPosition.High95 or FunnelPosition.Low95 => "#ff7f0e",
                _ => "#7f7f7f",
            };
            svg.Append(Invariant($"<circle cx=\"{X(p.Expected):F1}\" cy=\"{Y(p.Ratio):F1}\" r=\"4\" fill=\"{colour}\" fill-opacity=\"0.85\">"));
            svg.Append(Invariant($"<title>{Escape(p.Label)}: E {p.Expected:F1}, O/E {p.Ratio:F3}</title></circle>\n"));
        }

        svg.Append("</g>\n");
        Legend(svg, tau2);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, double xMax, double yMax, Func<double, double> x, Func<double, double> y)
    {
        svg.Append(Invariant($"<g stroke=\"#444\"><line x1=\"{Left}\" y1=\"{y(0):F1}\" x2=\"{x(xMax):F1}\" y2=\"{y(0):F1}\"/>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y(0):F1}\" x2=\"{Left}\" y2=\"{Top}\"/></g>\n"));
        for (var i = 0; i <= 5; i++)
        {
            double ex = xMax * i / 5, ry = yMax * i / 5;
            svg.Append(Invariant($"<line x1=\"{x(ex):F1}\" y1=\"{y(0):F1}\" x2=\"{x(ex):F1}\" y2=\"{y(0) + 5:F1}\" stroke=\"#444\"/>"));
            svg.Append(Invariant($"<text x=\"{x(ex):F1}\" y=\"{y(0) + 18:F1}\" text-anchor=\"middle\">{Tick(ex)}</text>\n"));
            svg.Append(Invariant($"<line x1=\"{Left - 5}\" y1=\"{y(ry):F1}\" x2=\"{Left}\" y2=\"{y(ry):F1}\" stroke=\"#444\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y(ry) + 4:F1}\" text-anchor=\"end\">{Tick(ry)}</text>\n"));
        }

        svg.Append(Invariant($"<text x=\"{Left + ((Width - Left - Right) / 2)}\" y=\"{Height - 14}\" text-anchor=\"middle\">Expected count E (age × sex standardised)</text>\n"));
        svg.Append(Invariant($"<text x=\"16\" y=\"{Top + ((Height - Top - Bottom) / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {Top + ((Height - Top - Bottom) / 2)})\">Observed / expected</text>\n"));
    }

    private static void Curve(StringBuilder svg, double[] es, double[] limits, Func<double, double> x, Func<double, double> y, string colour, string? dash)
    {
        svg.Append("<polyline points=\"");
        for (var i = 0; i < es.Length; i++)
        {
            if (double.IsFinite(limits[i]))
            {
                svg.Append(Invariant($"{x(es[i]):F1},{y(limits[i]):F1} "));
            }
        }

        svg.Append(Invariant($"\" stroke=\"{colour}\" stroke-width=\"1.3\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>\n"));
    }

    private static void Legend(StringBuilder svg, double tau2)
    {
        var x = Width - Right - 250;
        var items = new List<(string Text, string Colour, string? Dash)>
        {
            ("exact Poisson 95 %", "#1f77b4", "6 4"),
            ("exact Poisson 99.8 %", "#1f77b4", null),
        };
        if (tau2 > 0)
        {
            items.Add((Invariant($"overdispersed 99.8 % (τ² = {tau2:G3})"), "#9467bd", "2 3"));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var y = Top + 12 + (i * 16);
            var (text, colour, dash) = items[i];
            svg.Append(Invariant($"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 28}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"1.3\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>"));
            svg.Append(Invariant($"<text x=\"{x + 34}\" y=\"{y}\">{Escape(text)}</text>\n"));
        }
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k at or above <paramref name="value"/>.</summary>
    public static double NiceCeiling(double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value * (1 - 1e-12))
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Tick(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
