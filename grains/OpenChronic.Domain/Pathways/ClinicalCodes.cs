namespace OpenChronic.Domain.Pathways;

/// <summary>Normalization of ICD-10, ATC and CCAM codes as found in SNDS columns.</summary>
public static class ClinicalCodes
{
    /// <summary>Upper case, without dots, spaces or the PMSI marks '+' and '*' (<c>"e11.0 "</c> → <c>E110</c>).</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var needsWork = false;
        foreach (var ch in code)
        {
            if (ch is '.' or ' ' or '+' or '*' || char.IsAsciiLetterLower(ch))
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return code;
        }

        return string.Create(code.Count(ch => ch is not ('.' or ' ' or '+' or '*')), code, static (span, source) =>
        {
            var j = 0;
            foreach (var ch in source)
            {
                if (ch is not ('.' or ' ' or '+' or '*'))
                {
                    span[j++] = char.ToUpperInvariant(ch);
                }
            }
        });
    }
}
