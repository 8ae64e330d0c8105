namespace OpenChronic.Domain.Pathways;

/// <summary>Prefix tests of codes against the prefixes of a case definition or a drug class (ordinal, no allocation).</summary>
public static class CodePrefixes
{
    /// <summary>True when <paramref name="code"/> starts with one of <paramref name="prefixes"/> (false for none).</summary>
    public static bool StartsWithAny(string code, ReadOnlySpan<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(code);
        foreach (var prefix in prefixes)
        {
            if (code.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
