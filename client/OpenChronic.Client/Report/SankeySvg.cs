using System.Text;
using OpenChronic.Analytics.Pathways;

namespace OpenChronic.Client.Report;

/// <summary>
/// A Sankey diagram of <see cref="SettingFlow"/>s: one column per period, one node per setting, bands as wide as the
/// persons who move. Node heights come from the drawn flows only (the small flows left out cannot be recovered).
/// </summary>
internal static class SankeySvg
{
    private const double NodeWidth = 14;
    private const double Gap = 10;

    public static string Render(IReadOnlyList<SettingFlow> flows, IReadOnlyList<string> periods, IReadOnlyList<string> order, string title,
        double width = 820, double height = 380)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(order);
        var svg = new StringBuilder(Svg.Open(width, height, title));
        var columns = periods.Count;
        var top = 24.0;
        var plot = height - top - 8;

        // node value = max(inflow, outflow) of the drawn flows
        var value = new Dictionary<(int, string), long>();
        foreach (var f in flows)
        {
            Bump(value, (f.Period, f.From), OutOf(flows, f.Period, f.From));
            Bump(value, (f.Period + 1, f.To), Math.Max(InTo(flows, f.Period + 1, f.To), OutOf(flows, f.Period + 1, f.To)));
        }

        var maxColumn = Enumerable.Range(0, columns).Select(col => value.Where(v => v.Key.Item1 == col).Sum(v => v.Value)).DefaultIfEmpty(0).Max();
        if (maxColumn == 0)
        {
            svg.Append($"<text x=\"{Svg.N(width / 2)}\" y=\"{Svg.N(height / 2)}\" text-anchor=\"middle\" font-size=\"13\">No flow of at least the minimum cell size.</text>");
            return svg.Append("</svg>").ToString();
        }

        var scale = (plot - Gap * order.Count) / maxColumn;
        var step = (width - NodeWidth - 110) / Math.Max(columns - 1, 1);
        var y = new Dictionary<(int, string), double>();
        for (var col = 0; col < columns; col++)
        {
            var x = col * step;
            svg.Append($"<text x=\"{Svg.N(x)}\" y=\"14\" font-size=\"11\">{Svg.Escape(periods[col])}</text>");
            var cursor = top;
            foreach (var setting in order)
            {
                if (!value.TryGetValue((col, setting), out var v) || v == 0)
                {
                    continue;
                }

                y[(col, setting)] = cursor;
                var h = v * scale;
                svg.Append($"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(cursor)}\" width=\"{NodeWidth}\" height=\"{Svg.N(Math.Max(h, 1))}\" fill=\"{Svg.Colour(order.ToList().IndexOf(setting))}\"><title>{Svg.Escape(periods[col])}, {Svg.Escape(setting)}: {Svg.Count(v)} persons</title></rect>");
                svg.Append($"<text x=\"{Svg.N(x + NodeWidth + 3)}\" y=\"{Svg.N(cursor + Math.Min(h, 20) / 2 + 4)}\" font-size=\"10\">{Svg.Escape(setting)}</text>");
                cursor += h + Gap;
            }
        }

        var outOffset = new Dictionary<(int, string), double>();
        var inOffset = new Dictionary<(int, string), double>();
        foreach (var f in flows.OrderBy(f => f.Period).ThenBy(f => IndexOf(order, f.From)).ThenBy(f => IndexOf(order, f.To)))
        {
            var w = f.Persons * scale;
            var x0 = f.Period * step + NodeWidth;
            var x1 = (f.Period + 1) * step;
            var y0 = y[(f.Period, f.From)] + outOffset.GetValueOrDefault((f.Period, f.From));
            var y1 = y[(f.Period + 1, f.To)] + inOffset.GetValueOrDefault((f.Period + 1, f.To));
            outOffset[(f.Period, f.From)] = outOffset.GetValueOrDefault((f.Period, f.From)) + w;
            inOffset[(f.Period + 1, f.To)] = inOffset.GetValueOrDefault((f.Period + 1, f.To)) + w;
            var xm = (x0 + x1) / 2;
            svg.Append($"<path d=\"M{Svg.N(x0)},{Svg.N(y0)} C{Svg.N(xm)},{Svg.N(y0)} {Svg.N(xm)},{Svg.N(y1)} {Svg.N(x1)},{Svg.N(y1)} ")
                .Append($"L{Svg.N(x1)},{Svg.N(y1 + w)} C{Svg.N(xm)},{Svg.N(y1 + w)} {Svg.N(xm)},{Svg.N(y0 + w)} {Svg.N(x0)},{Svg.N(y0 + w)} Z\" ")
                .Append($"fill=\"{Svg.Colour(IndexOf(order, f.From))}\" fill-opacity=\"0.35\"><title>{Svg.Escape(f.From)} → {Svg.Escape(f.To)}: {Svg.Count(f.Persons)} persons</title></path>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static int IndexOf(IReadOnlyList<string> order, string setting)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == setting)
            {
                return i;
            }
        }

        return order.Count;
    }

    private static long OutOf(IReadOnlyList<SettingFlow> flows, int period, string setting) =>
        flows.Where(f => f.Period == period && f.From == setting).Sum(f => f.Persons);

    private static long InTo(IReadOnlyList<SettingFlow> flows, int period, string setting) =>
        flows.Where(f => f.Period + 1 == period && f.To == setting).Sum(f => f.Persons);

    private static void Bump(Dictionary<(int, string), long> value, (int, string) key, long v) =>
        value[key] = Math.Max(value.GetValueOrDefault(key), v);
}
