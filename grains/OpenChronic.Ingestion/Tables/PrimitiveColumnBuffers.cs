using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>A column of fixed-width values (Int64, Double, Date32, Timestamp, Int32) written into one byte array.</summary>
internal abstract class PrimitiveColumnBuffer<T> : ColumnBuffer
    where T : unmanaged, IEquatable<T>
{
    private byte[] _values;

    protected PrimitiveColumnBuffer(SndsColumn column, int capacity)
        : base(column, capacity) => _values = new byte[checked(capacity * Unsafe.SizeOf<T>())];

    public override void AppendSame(IArrowArray source, int row) => Append(((PrimitiveArray<T>)source).Values[row]);

    protected void Append(T value)
    {
        MemoryMarshal.Cast<byte, T>(_values.AsSpan())[Count] = value;
        Commit(true);
    }

    protected bool Append(T value, out string reason)
    {
        reason = "";
        Append(value);
        return true;
    }

    protected override void WriteNullSlot(int index) => MemoryMarshal.Cast<byte, T>(_values.AsSpan())[index] = default;

    protected override ArrowBuffer[] BuildBuffers(ArrowBuffer validity, int count)
    {
        var values = _values;
        _values = new byte[values.Length];
        return [validity, new ArrowBuffer(values.AsMemory(0, count * Unsafe.SizeOf<T>()))];
    }

    protected static bool Invalid(string what, out string reason)
    {
        reason = what;
        return false;
    }
}

/// <summary>Catalogue integers as Int64.</summary>
internal sealed class Int64ColumnBuffer(SndsColumn column, int capacity) : PrimitiveColumnBuffer<long>(column, capacity)
{
    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason) =>
        SndsTextParser.TryParseInteger(text, out var v) ? Append(v, out reason) : Invalid("not an integer", out reason);

    public override bool TryAppendInteger(long value, out string reason) => Append(value, out reason);

    public override bool TryAppendNumber(double value, out string reason) =>
        Math.Floor(value) == value && value is >= -9.2e18 and <= 9.2e18 ? Append((long)value, out reason) : Invalid("not a whole number", out reason);
}

/// <summary>Catalogue numbers as Double; a decimal comma is read when the CSV delimiter is <c>;</c>.</summary>
internal sealed class DoubleColumnBuffer(SndsColumn column, int capacity, bool decimalComma) : PrimitiveColumnBuffer<double>(column, capacity)
{
    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason) =>
        SndsTextParser.TryParseNumber(text, decimalComma, out var v) ? Append(v, out reason) : Invalid("not a number", out reason);

    public override bool TryAppendInteger(long value, out string reason) => Append(value, out reason);

    public override bool TryAppendNumber(double value, out string reason) => Append(value, out reason);
}

/// <summary>Catalogue dates as Date32 (days since 1970-01-01).</summary>
internal sealed class Date32ColumnBuffer(SndsColumn column, int capacity) : PrimitiveColumnBuffer<int>(column, capacity)
{
    private readonly bool _yearFirst = column.Format?.StartsWith("%Y%m%d", StringComparison.Ordinal) == true;

    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason) =>
        SndsTextParser.TryParseDate(text, _yearFirst, out var days)
            ? Append(days, out reason)
            : Invalid($"not a date ({SndsTextParser.DateFormats})", out reason);

    public override bool TryAppendDays(int days, out string reason) => Append(days, out reason);

    public override bool TryAppendMilliseconds(long milliseconds, out string reason) =>
        Append(checked((int)Math.Floor(milliseconds / (double)SndsDates.MillisecondsPerDay)), out reason);
}

/// <summary>Catalogue date-times as Timestamp (milliseconds, no time zone).</summary>
internal sealed class TimestampColumnBuffer(SndsColumn column, int capacity) : PrimitiveColumnBuffer<long>(column, capacity)
{
    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason) =>
        SndsTextParser.TryParseDateTime(text, yearFirst: false, out var ms)
            ? Append(ms, out reason)
            : Invalid("not a date-time (yyyy-MM-dd HH:mm:ss, ddMMMyyyy:HH:mm:ss or a date)", out reason);

    public override bool TryAppendDays(int days, out string reason) => Append(days * SndsDates.MillisecondsPerDay, out reason);

    public override bool TryAppendMilliseconds(long milliseconds, out string reason) => Append(milliseconds, out reason);
}

/// <summary>Catalogue year-months (YYYYMM), years and months as Int32, range-checked.</summary>
internal sealed class Int32ColumnBuffer(SndsColumn column, int capacity) : PrimitiveColumnBuffer<int>(column, capacity)
{
    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason)
    {
        var ok = Column.Type switch
        {
            SndsType.YearMonth => SndsTextParser.TryParseYearMonth(text, out var v) ? Append(v, out reason) : Invalid("not a year-month (YYYYMM)", out reason),
            SndsType.Year => SndsTextParser.TryParseYear(text, out var y) ? Append(y, out reason) : Invalid("not a year (YYYY)", out reason),
            _ => SndsTextParser.TryParseMonth(text, out var m) ? Append(m, out reason) : Invalid("not a month (1 to 12)", out reason),
        };
        return ok;
    }

    public override bool TryAppendInteger(long value, out string reason)
    {
        var valid = Column.Type switch
        {
            SndsType.YearMonth => value is >= 100_001 and <= 999_912 && value % 100 is >= 1 and <= 12,
            SndsType.Year => value is >= 1 and <= 9999,
            _ => value is >= 1 and <= 12,
        };
        return valid ? Append((int)value, out reason) : Invalid($"{value} is out of range for {Column.Type}", out reason);
    }

    public override bool TryAppendNumber(double value, out string reason) =>
        Math.Floor(value) == value && value is >= 0 and <= 999_912
            ? TryAppendInteger((long)value, out reason)
            : Invalid("not a whole number", out reason);
}
