namespace OpenChronic.Ingestion.Tables;

/// <summary>Calendar arithmetic on Arrow's day and millisecond counts from 1970-01-01, allocation-free.</summary>
internal static class SndsDates
{
    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01.</summary>
    public const int EpochDayNumber = 719_162;

    public const long MillisecondsPerDay = 86_400_000;

    private static readonly byte[][] s_sasMonths =
        [.. "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".Split(' ').Select(System.Text.Encoding.ASCII.GetBytes)];

    /// <summary>A timestamp of any unit in milliseconds, rounding down (towards the earlier instant).</summary>
    public static long ToMilliseconds(long value, Apache.Arrow.Types.TimeUnit unit) => unit switch
    {
        Apache.Arrow.Types.TimeUnit.Second => checked(value * 1000),
        Apache.Arrow.Types.TimeUnit.Millisecond => value,
        Apache.Arrow.Types.TimeUnit.Microsecond => FloorDivide(value, 1000),
        _ => FloorDivide(value, 1_000_000),
    };

    /// <summary>Whether a valid calendar date, and its days since 1970-01-01.</summary>
    public static bool TryDays(int year, int month, int day, out int days)
    {
        days = 0;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        days = new DateOnly(year, month, day).DayNumber - EpochDayNumber;
        return true;
    }

    /// <summary>Month number (1..12) of a three-letter English month abbreviation, any case, or 0.</summary>
    public static int SasMonth(char a, char b, char c)
    {
        var key = (char.ToUpperInvariant(a) << 16) | (char.ToUpperInvariant(b) << 8) | char.ToUpperInvariant(c);
        for (var m = 0; m < s_sasMonths.Length; m++)
        {
            var name = s_sasMonths[m];
            if (key == ((name[0] << 16) | (name[1] << 8) | name[2]))
            {
                return m + 1;
            }
        }

        return 0;
    }

    /// <summary>Writes a date as <c>yyyy-MM-dd</c> (ISO) or <c>ddMMMyyyy</c> (SAS); returns the bytes written.</summary>
    public static int FormatDate(int days, bool sas, Span<byte> destination)
    {
        var date = DateOnly.FromDayNumber(checked(days + EpochDayNumber));
        if (sas)
        {
            Two(date.Day, destination);
            s_sasMonths[date.Month - 1].CopyTo(destination[2..]);
            Four(date.Year, destination[5..]);
            return 9;
        }

        Four(date.Year, destination);
        destination[4] = (byte)'-';
        Two(date.Month, destination[5..]);
        destination[7] = (byte)'-';
        Two(date.Day, destination[8..]);
        return 10;
    }

    /// <summary>
    /// Writes a timestamp in milliseconds as <c>yyyy-MM-dd HH:mm:ss</c> (ISO) or <c>ddMMMyyyy:HH:mm:ss</c> (SAS),
    /// with <c>.fff</c> when it has milliseconds; returns the bytes written.
    /// </summary>
    public static int FormatDateTime(long milliseconds, bool sas, Span<byte> destination)
    {
        var days = (int)Math.Floor(milliseconds / (double)MillisecondsPerDay);
        var inDay = milliseconds - (days * MillisecondsPerDay);
        var n = FormatDate(days, sas, destination);
        destination[n++] = sas ? (byte)':' : (byte)' ';
        var seconds = (int)(inDay / 1000);
        Two(seconds / 3600, destination[n..]);
        destination[n + 2] = (byte)':';
        Two(seconds / 60 % 60, destination[(n + 3)..]);
        destination[n + 5] = (byte)':';
        Two(seconds % 60, destination[(n + 6)..]);
        n += 8;
        var millis = (int)(inDay % 1000);
        if (millis != 0)
        {
            destination[n] = (byte)'.';
            destination[n + 1] = (byte)('0' + (millis / 100));
            destination[n + 2] = (byte)('0' + (millis / 10 % 10));
            destination[n + 3] = (byte)('0' + (millis % 10));
            n += 4;
        }

        return n;
    }

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private static void Two(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }

    private static void Four(int value, Span<byte> destination)
    {
        destination[0] = (byte)('0' + (value / 1000));
        destination[1] = (byte)('0' + (value / 100 % 10));
        destination[2] = (byte)('0' + (value / 10 % 10));
        destination[3] = (byte)('0' + (value % 10));
    }
}
