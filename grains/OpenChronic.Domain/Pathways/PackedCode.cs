namespace OpenChronic.Domain.Pathways;

/// <summary>
/// Packs a short ASCII code (ICD-10, ATC, CCAM, NABM, GHM, professional or FINESS number — up to 8 characters)
/// into a <see cref="ulong"/>, so that timelines store codes in 8 bytes with no dictionary shared between silos.
/// The packing preserves ordinal order for codes of equal length and round-trips exactly.
/// </summary>
public static class PackedCode
{
    /// <summary>Longest code that packs.</summary>
    public const int MaxLength = 8;

    /// <summary>Packs <paramref name="code"/>; false when it is longer than 8 characters or not printable ASCII.</summary>
    public static bool TryPack(ReadOnlySpan<char> code, out ulong packed)
    {
        packed = 0;
        if (code.Length > MaxLength)
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            var ch = code[i];
            if (ch is < '!' or > '~')
            {
                return false;
            }

            packed |= (ulong)ch << (8 * (MaxLength - 1 - i));
        }

        return true;
    }

    /// <summary>Packs <paramref name="code"/> or throws when it cannot be packed.</summary>
    public static ulong Pack(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryPack(code, out var packed)
            ? packed
            : throw new ArgumentException($"'{code}' is not a printable ASCII code of at most {MaxLength} characters.", nameof(code));
    }

    /// <summary>The code a packed value holds ("" for 0).</summary>
    public static string Unpack(ulong packed)
    {
        Span<char> chars = stackalloc char[MaxLength];
        var n = 0;
        for (var i = 0; i < MaxLength; i++)
        {
            var b = unchecked((byte)(packed >> (8 * (MaxLength - 1 - i))));
            if (b == 0)
            {
                break;
            }

            chars[n++] = (char)b;
        }

        return new string(chars[..n]);
    }

    /// <summary>True when the packed code starts with the packed prefix of length <paramref name="prefixLength"/>.</summary>
    public static bool StartsWith(ulong packed, ulong prefix, int prefixLength)
    {
        if (prefixLength == 0)
        {
            return true;
        }

        var mask = ulong.MaxValue << (8 * (MaxLength - prefixLength));
        return (packed & mask) == prefix;
    }
}
