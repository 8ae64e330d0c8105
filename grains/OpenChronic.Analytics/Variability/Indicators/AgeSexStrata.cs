using System.Globalization;

namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>
/// The age × sex strata of indirect standardisation: six age bands (under 45, 45–54, 55–64, 65–74, 75–84, 85 and over,
/// age reached in the year) × sex (0 unknown, 1 man, 2 woman); stratum = band × 3 + sex.
/// </summary>
public static class AgeSexStrata
{
    private static readonly int[] s_lowerBounds = [0, 45, 55, 65, 75, 85];

    /// <summary>Number of strata.</summary>
    public static int Count => s_lowerBounds.Length * 3;

    public static int Of(int age, byte sex)
    {
        var band = 0;
        while (band + 1 < s_lowerBounds.Length && age >= s_lowerBounds[band + 1])
        {
            band++;
        }

        return (band * 3) + (sex is 1 or 2 ? sex : 0);
    }

    /// <summary>E.g. <c>65-74 F</c>, <c>85+ M</c>.</summary>
    public static string Label(int stratum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stratum);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stratum, Count);
        var band = stratum / 3;
        var ages = band == s_lowerBounds.Length - 1
            ? string.Create(CultureInfo.InvariantCulture, $"{s_lowerBounds[band]}+")
            : band == 0 ? "<45" : string.Create(CultureInfo.InvariantCulture, $"{s_lowerBounds[band]}-{s_lowerBounds[band + 1] - 1}");
        return ages + (stratum % 3) switch { 1 => " M", 2 => " F", _ => " ?" };
    }
}
