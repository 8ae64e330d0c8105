using System.Globalization;
using System.Net;

namespace OpenChronic.Client.Report;

/// <summary>Small helpers shared by the report's SVG figures: invariant numbers, escaping, a colour palette.</summary>
internal static class Svg
{
    /// <summary>Colour-blind-safe qualitative palette (Okabe–Ito), cycled.</summary>
    private static readonly string[] s_palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public static string Colour(int index) => s_palette[index % s_palette.Length];

    /// <summary>The opening tag of a figure of <paramref name="width"/> × <paramref name="height"/> with an accessible title.</summary>
    public static string Open(double width, double height, string title) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"{Escape(title)}\"><title>{Escape(title)}</title>";
}
