using System.Globalization;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Parses SNDS text values from character spans without allocating: integers, numbers (with a decimal comma
/// where allowed), 0/1 flags, dates (ISO, dd/MM/yyyy, ddMMyyyy or yyyyMMdd, SAS ddMMMyyyy, optionally with a
/// time), date-times, year-months (YYYYMM), years and months.
/// </summary>
internal static class SndsTextParser
{
    public const string DateFormats = "yyyy-MM-dd, dd/MM/yyyy, ddMMyyyy, ddMMMyyyy";

    public static bool TryParseInteger(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text.Trim(' '), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseNumber(ReadOnlySpan<char> text, bool decimalComma, out double value)
    {
        text = text.Trim(' ');
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (double.TryParse(text, Styles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var comma = text.IndexOf(',');
        if (!decimalComma || comma < 0 || text.Length > 64 || text.IndexOf('.') >= 0 || text[(comma + 1)..].IndexOf(',') >= 0)
        {
            return false;
        }

        Span<char> copy = stackalloc char[text.Length];
        text.CopyTo(copy);
        copy[comma] = '.';
        return double.TryParse(copy, Styles, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim(' ');
        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A date, ignoring a well-formed time part when there is one; <paramref name="yearFirst"/> reads 8 digits as yyyyMMdd.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, bool yearFirst, out int days)
    {
        days = 0;
        if (!TryParseDateTime(text, yearFirst, out var milliseconds))
        {
            return false;
        }

        days = (int)Math.DivRem(milliseconds, SndsDates.MillisecondsPerDay, out var rest) - (rest < 0 ? 1 : 0);
        return true;
    }

    public static bool TryParseDateTime(ReadOnlySpan<char> text, bool yearFirst, out long milliseconds)
    {
        milliseconds = 0;
        text = text.Trim(' ');
        var n = DateLength(text);
        if (n == 0 || !TryParseDatePart(text[..n], yearFirst, out var days))
        {
            return false;
        }

        milliseconds = days * SndsDates.MillisecondsPerDay;
        if (n == text.Length)
        {
            return true;
        }

        // "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss" or SAS "ddMMMyyyy:HH:mm:ss", optionally ".fff"
        var time = text[(n + 1)..];
        if (text[n] is not (' ' or 'T' or ':') || time.Length < 8 || time[2] != ':' || time[5] != ':'
            || !TryDigits(time[..2], out var h) || !TryDigits(time[3..5], out var m) || !TryDigits(time[6..8], out var s)
            || h > 23 || m > 59 || s > 59)
        {
            return false;
        }

        var millis = 0;
        if (time.Length > 8)
        {
            var fraction = time[9..];
            if (time[8] != '.' || fraction.Length is 0 or > 9 || !TryDigits(fraction, out _))
            {
                return false;
            }

            var head = fraction[..Math.Min(3, fraction.Length)];
            TryDigits(head, out var ms);
            millis = head.Length switch { 1 => ms * 100, 2 => ms * 10, _ => ms };
        }

        milliseconds += (((h * 3600L) + (m * 60L) + s) * 1000L) + millis;
        return true;
    }

    public static bool TryParseYearMonth(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim(' ');
        value = 0;
        if (text.Length == 7 && text[4] == '-')
        {
            if (!TryDigits(text[..4], out var y) || !TryDigits(text[5..], out var mm) || mm is < 1 or > 12)
            {
                return false;
            }

            value = (y * 100) + mm;
            return true;
        }

        if (text.Length != 6 || !TryDigits(text, out var v) || v % 100 is < 1 or > 12)
        {
            return false;
        }

        value = v;
        return true;
    }

    public static bool TryParseYear(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim(' ');
        value = 0;
        return text.Length == 4 && TryDigits(text, out value);
    }

    public static bool TryParseMonth(ReadOnlySpan<char> text, out int value)
    {
        text = text.Trim(' ');
        value = 0;
        return text.Length is 1 or 2 && TryDigits(text, out value) && value is >= 1 and <= 12;
    }

    /// <summary>Length of the date part of a value: 10 (ISO or dd/MM/yyyy), 9 (SAS) or 8 (digits); 0 when no date shape fits.</summary>
    private static int DateLength(ReadOnlySpan<char> text)
    {
        if (text.Length >= 10 && (text[4] == '-' || text[2] == '/'))
        {
            return 10;
        }

        if (text.Length >= 9 && char.IsAsciiLetter(text[2]))
        {
            return 9;
        }

        return text.Length >= 8 ? 8 : 0;
    }

    private static bool TryParseDatePart(ReadOnlySpan<char> d, bool yearFirst, out int days)
    {
        days = 0;
        int year, month, day;
        if (d.Length == 10 && d[4] == '-' && d[7] == '-')
        {
            if (!TryDigits(d[..4], out year) || !TryDigits(d[5..7], out month) || !TryDigits(d[8..], out day))
            {
                return false;
            }
        }
        else if (d.Length == 10 && d[2] == '/' && d[5] == '/')
        {
            if (!TryDigits(d[..2], out day) || !TryDigits(d[3..5], out month) || !TryDigits(d[6..], out year))
            {
                return false;
            }
        }
        else if (d.Length == 9)
        {
            month = SndsDates.SasMonth(d[2], d[3], d[4]);
            if (month == 0 || !TryDigits(d[..2], out day) || !TryDigits(d[5..], out year))
            {
                return false;
            }
        }
        else if (d.Length == 8 && TryDigits(d, out _))
        {
            // PMSI writes ddMMyyyy; some extracts write yyyyMMdd: take the reading that gives a plausible year
            var dayFirst = TryDigits(d[..2], out day) & TryDigits(d[2..4], out month) & TryDigits(d[4..], out year);
            if (yearFirst || !dayFirst || year < 1800 || !SndsDates.TryDays(year, month, day, out days))
            {
                return TryDigits(d[..4], out year) & TryDigits(d[4..6], out month) & TryDigits(d[6..], out day)
                    && SndsDates.TryDays(year, month, day, out days);
            }

            return true;
        }
        else
        {
            return false;
        }

        return SndsDates.TryDays(year, month, day, out days);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
