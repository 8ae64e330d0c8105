using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenChronic.Client.Report;

/// <summary>
/// Inlines an SVG figure written by a command (ROC, calibration, funnel, coordination plots) into the report: drops an
/// XML declaration, adds a <c>viewBox</c> when the figure has none (so that it scales), and prefixes its element ids so
/// that two figures of the same page never share one.
/// </summary>
internal static partial class SvgFile
{
    /// <summary>The figure's markup, or null when the file is missing or is not an SVG document.</summary>
    public static string? Read(string path, string idPrefix)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        var start = text.IndexOf("<svg", StringComparison.Ordinal);
        var end = text.LastIndexOf("</svg>", StringComparison.Ordinal);
        return start < 0 || end < start ? null : Inline(text[start..(end + "</svg>".Length)], idPrefix);
    }

    public static string Inline(string svg, string idPrefix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var open = svg[..(svg.IndexOf('>', StringComparison.Ordinal) + 1)];
        if (!open.Contains("viewBox", StringComparison.Ordinal) && Width().Match(open) is { Success: true } w && Height().Match(open) is { Success: true } h)
        {
            svg = string.Create(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {w.Groups[1].Value} {h.Groups[1].Value}\"") + svg["<svg".Length..];
        }

        svg = Id().Replace(svg, m => $"id=\"{idPrefix}-{m.Groups[1].Value}\"");
        return Reference().Replace(svg, m => $"{m.Groups[1].Value}{idPrefix}-{m.Groups[2].Value}");
    }

    [GeneratedRegex("\\swidth=\"([0-9.]+)\"")]
    private static partial Regex Width();

    [GeneratedRegex("\\sheight=\"([0-9.]+)\"")]
    private static partial Regex Height();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex Id();

    // References to an element of the same figure: url(#x) and href="#x".
    [GeneratedRegex("(url\\(#|href=\"#)([^)\"]+)")]
    private static partial Regex Reference();
}
