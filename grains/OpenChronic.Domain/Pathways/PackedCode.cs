using System.Text;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// Packs a short code into a <see cref="ulong"/>, so that timelines store codes in 8 bytes with no dictionary shared
/// between silos: up to 8 printable ASCII characters (ICD-10, ATC, CCAM, NABM, GHM) one byte each, the first in the
/// top byte; longer strings of up to 13 digits (CIP13, FINESS / ETA_NUM, professional numbers, leading zeros kept)
/// as binary-coded decimal under a zero top byte with the digit count. Both round-trip exactly; the ASCII form
/// preserves ordinal order for codes of equal length.
/// </summary>
public static class PackedCode
{
    /// <summary>Longest code that packs as ASCII.</summary>
    public const int MaxLength = 8;

    /// <summary>Longest digit string that packs (as binary-coded decimal).</summary>
    public const int MaxDigits = 13;

    /// <summary>Longest UTF-8 form of an unpacked code (8 characters of up to 2 bytes each).</summary>
    public const int MaxUtf8Length = 2 * MaxLength;

    /// <summary>Packs <paramref name="code"/>; false when it is neither ≤ 8 printable ASCII characters nor ≤ 13 digits.</summary>
    public static bool TryPack(ReadOnlySpan<char> code, out ulong packed)
    {
        packed = 0;
        if (code.Length > MaxLength)
        {
            return TryPackDigits(code, out packed);
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

    private static bool TryPackDigits(ReadOnlySpan<char> code, out ulong packed)
    {
        packed = 0;
        if (code.Length > MaxDigits)
        {
            return false;
        }

        foreach (var ch in code)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }

            packed = (packed << 4) | (uint)(ch - '0');
        }

        packed <<= 4 * (MaxDigits - code.Length);
        packed |= (ulong)code.Length << (4 * MaxDigits);
        return true;
    }

    /// <summary>The code a packed value holds ("" for 0).</summary>
    public static string Unpack(ulong packed)
    {
        Span<char> chars = stackalloc char[MaxDigits];
        return new string(chars[..Decode(packed, chars)]);
    }

    /// <summary>
    /// Writes the UTF-8 bytes of <see cref="Unpack(ulong)"/> into <paramref name="utf8"/> (at least
    /// <see cref="MaxUtf8Length"/> long) without allocating a string; returns the number of bytes written.
    /// </summary>
    public static int Unpack(ulong packed, Span<byte> utf8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(utf8.Length, MaxUtf8Length);
        Span<char> chars = stackalloc char[MaxDigits];
        return Encoding.UTF8.GetBytes(chars[..Decode(packed, chars)], utf8);
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

    // The characters of a packed code into chars (MaxDigits long): the digits of a digit string, else the bytes up to
    // the first zero, each the character U+0000 to U+00FF of that value; returns their number.
    private static int Decode(ulong packed, Span<char> chars)
    {
        if (packed >> 56 == 0 && packed != 0)
        {
            var length = unchecked((int)(packed >> (4 * MaxDigits))) & 0xF;
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)('0' + unchecked((int)(packed >> (4 * (MaxDigits - 1 - i))) & 0xF));
            }

            return length;
        }

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

        return n;
    }
}
