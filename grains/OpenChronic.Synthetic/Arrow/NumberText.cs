using System.Globalization;

namespace OpenChronic.Synthetic.Arrow;

/// <summary>Invariant text of small numbers, cached so that writing a numeric key as text allocates nothing.</summary>
internal static class NumberText
{
    private const int Cached = 4096;
    private static readonly string[] s_cache = [.. Enumerable.Range(0, Cached).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static string Of(long value) =>
        value is >= 0 and < Cached ? s_cache[value] : value.ToString(CultureInfo.InvariantCulture);
}
