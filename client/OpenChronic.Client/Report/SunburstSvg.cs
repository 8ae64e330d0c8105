using System.Text;
using OpenChronic.Analytics.Pathways;

namespace OpenChronic.Client.Report;

/// <summary>
/// A sunburst of a <see cref="SequenceNode"/> tree: one ring per step, each arc's angle proportional to its persons
/// (persons whose sequence stops earlier leave a gap in the outer rings). Labels on arcs wide enough, a tooltip on every arc.
/// </summary>
internal static class SunburstSvg
{
    public static string Render(SequenceNode root, string title, double size = 460, double ring = 60)
    {
        ArgumentNullException.ThrowIfNull(root);
        var svg = new StringBuilder(Svg.Open(size, size, title));
        var c = size / 2;
        svg.Append($"<circle cx=\"{Svg.N(c)}\" cy=\"{Svg.N(c)}\" r=\"{Svg.N(ring * 0.8)}\" fill=\"#f4f4f4\"/>");
        svg.Append($"<text x=\"{Svg.N(c)}\" y=\"{Svg.N(c)}\" text-anchor=\"middle\" font-size=\"12\">{Svg.Escape(root.Label)}</text>");
        svg.Append($"<text x=\"{Svg.N(c)}\" y=\"{Svg.N(c + 14)}\" text-anchor=\"middle\" font-size=\"11\">{Svg.Count(root.Persons)}</text>");
        if (root.Persons > 0)
        {
            Arcs(svg, root.Children, root.Persons, 0, 2 * Math.PI, 1, c, ring, colour: -1);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Arcs(StringBuilder svg, IReadOnlyList<SequenceNode> nodes, long total, double start, double span, int depth, double c, double ring, int colour)
    {
        var angle = start;
        var r0 = ring * 0.8 + (depth - 1) * ring;
        var r1 = r0 + ring - 2;
        if (r1 > c)
        {
            return;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var sweep = span * node.Persons / total;
            var hue = colour < 0 ? i : colour;
            var opacity = Svg.N(1.0 - (depth - 1) * 0.18);
            svg.Append($"<path d=\"{Sector(c, r0, r1, angle, angle + sweep)}\" fill=\"{(node.Label == SequenceTree.Other ? "#bbbbbb" : Svg.Colour(hue))}\" fill-opacity=\"{opacity}\" stroke=\"#fff\">")
                .Append($"<title>{Svg.Escape(node.Label)}: {Svg.Count(node.Persons)} persons</title></path>");
            if (sweep * (r0 + r1) / 2 > 46)
            {
                var mid = angle + sweep / 2;
                var r = (r0 + r1) / 2;
                var label = node.Label.Length > 14 ? node.Label[..13] + "…" : node.Label;
                svg.Append($"<text x=\"{Svg.N(c + r * Math.Sin(mid))}\" y=\"{Svg.N(c - r * Math.Cos(mid) + 4)}\" text-anchor=\"middle\" font-size=\"10\" pointer-events=\"none\">{Svg.Escape(label)}</text>");
            }

            Arcs(svg, node.Children, total, angle, span, depth + 1, c, ring, hue);
            angle += sweep;
        }
    }

    private static string Sector(double c, double r0, double r1, double a0, double a1)
    {
        // A full ring cannot be drawn as one arc: stop just short of it.
        a1 = Math.Min(a1, a0 + 2 * Math.PI - 1e-4);
        var large = a1 - a0 > Math.PI ? 1 : 0;
        (double X, double Y) P(double r, double a) => (c + r * Math.Sin(a), c - r * Math.Cos(a));
        var (x0, y0) = P(r1, a0);
        var (x1, y1) = P(r1, a1);
        var (x2, y2) = P(r0, a1);
        var (x3, y3) = P(r0, a0);
        return $"M{Svg.N(x0)},{Svg.N(y0)} A{Svg.N(r1)},{Svg.N(r1)} 0 {large} 1 {Svg.N(x1)},{Svg.N(y1)} L{Svg.N(x2)},{Svg.N(y2)} A{Svg.N(r0)},{Svg.N(r0)} 0 {large} 0 {Svg.N(x3)},{Svg.N(y3)} Z";
    }
}
