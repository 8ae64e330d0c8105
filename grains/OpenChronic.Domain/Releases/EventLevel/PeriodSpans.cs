using System.Globalization;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Reads a released period label (<c>q5</c>, <c>s-1</c>, <c>y0</c>, <c>m7</c>, <c>w4:2</c>, <c>y2:0</c>, <c>*</c>) of an item
/// <c>code@period</c> as a span of base units, to order items: one is before another when its span ends no later
/// than the other's starts; <c>*</c> (any time) is ordered with nothing.
/// </summary>
public sealed class PeriodSpans(string timeUnit)
{
    private readonly (string Prefix, int Width)[] _prefixes = timeUnit switch
    {
        "week" => [("w52:", 52), ("w4:", 4), ("w", 1)],
        "month" => [("m", 1), ("q", 3), ("y", 12)],
        "semester" => [("y2:", 4), ("s", 1), ("y", 2)],
        "year" => [("y4:", 4), ("y2:", 2), ("y", 1)],
        _ => [("q", 1), ("s", 2), ("y", 4)],
    };

    /// <summary>Whether the period of item <paramref name="a"/> ends before that of <paramref name="b"/> begins.</summary>
    public bool Before(string a, string b) => Span(a) is { } x && Span(b) is { } y && x.End <= y.Start;

    /// <summary>The span [start, end) of an item's period in base units, or null for <c>*</c> or an unreadable label.</summary>
    public (long Start, long End)? Span(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var period = item[(item.LastIndexOf('@') + 1)..];
        foreach (var (prefix, width) in _prefixes)
        {
            if (period.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(period.AsSpan(prefix.Length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return (n * width, (n + 1) * width);
            }
        }

        return null;
    }
}
