using System.Text.RegularExpressions;

namespace OpenChronic.Silo;

/// <summary>
/// Masks anything shaped like a patient key (a GUID, with or without dashes, as Orleans prints grain ids) in text
/// that leaves the silo: log lines and span tags. Grain keys are pseudonyms, but they are still never written out.
/// </summary>
public static partial class KeyRedaction
{
    /// <summary>What a masked key becomes.</summary>
    public const string Mask = "[key]";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return KeyPattern().Replace(text, Mask);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
