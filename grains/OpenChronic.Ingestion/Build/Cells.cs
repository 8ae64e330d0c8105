using System.Buffers.Text;
using System.IO.Hashing;
using Apache.Arrow;

namespace OpenChronic.Ingestion.Build;

/// <summary>Span-first access to the cells of typed SNDS batches, whatever Arrow type a column was read as.</summary>
internal static class Cells
{
    /// <summary><see cref="DateOnly.DayNumber"/> of 1970-01-01, the Date32 epoch.</summary>
    private const int EpochDay = 719_162;

    public static IArrowArray? Column(RecordBatch batch, string name)
    {
        var index = batch.Schema.GetFieldIndex(name);
        return index < 0 ? null : batch.Column(index);
    }

    public static ReadOnlySpan<byte> Bytes(IArrowArray? array, int row) =>
        array is StringArray s && !s.IsNull(row) ? s.GetBytes(row).Trim((byte)' ') : default;

    /// <summary>The integer value of a cell (integer, number, boolean or digits in text); false when null or not a number.</summary>
    public static bool TryLong(IArrowArray? array, int row, out long value)
    {
        value = 0;
        if (array is null || array.IsNull(row))
        {
            return false;
        }

        switch (array)
        {
            case Int64Array a:
                value = a.Values[row];
                return true;
            case Int32Array a:
                value = a.Values[row];
                return true;
            case DoubleArray a:
                var d = a.Values[row];
                if (!double.IsFinite(d) || Math.Abs(d) > 1e15)
                {
                    return false;
                }

                value = (long)Math.Round(d);
                return true;
            case BooleanArray a:
                value = a.GetValue(row) == true ? 1 : 0;
                return true;
            case StringArray s:
                var bytes = s.GetBytes(row).Trim((byte)' ');
                return Utf8Parser.TryParse(bytes, out value, out var used) && used == bytes.Length;
            default:
                return false;
        }
    }

    public static long Long(IArrowArray? array, int row, long fallback = 0) => TryLong(array, row, out var v) ? v : fallback;

    public static float Float(IArrowArray? array, int row) =>
        array is DoubleArray a && !a.IsNull(row) ? (float)a.Values[row] : Long(array, row);

    /// <summary>The day number of a date or timestamp cell; false when null.</summary>
    public static bool TryDay(IArrowArray? array, int row, out int day)
    {
        day = 0;
        if (array is null || array.IsNull(row))
        {
            return false;
        }

        switch (array)
        {
            case Date32Array d:
                day = d.Values[row] + EpochDay;
                return true;
            case TimestampArray t:
                var offset = t.GetTimestamp(row);
                if (offset is not { } o)
                {
                    return false;
                }

                day = DateOnly.FromDateTime(o.UtcDateTime).DayNumber;
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when a flag cell is absent, null, false, blank or '0'.</summary>
    public static bool IsZeroFlag(IArrowArray? array, int row)
    {
        if (array is null || array.IsNull(row))
        {
            return true;
        }

        if (array is StringArray)
        {
            var b = Bytes(array, row);
            return b.IsEmpty || (b.Length == 1 && b[0] == (byte)'0');
        }

        return Long(array, row) == 0;
    }

    /// <summary>Packs up to 8 printable ASCII bytes, first ones kept (layout of <see cref="Domain.Pathways.PackedCode"/>).</summary>
    public static ulong Pack(ReadOnlySpan<byte> code)
    {
        ulong packed = 0;
        var n = 0;
        foreach (var b in code)
        {
            if (n == 8)
            {
                break;
            }

            if (b is >= (byte)'!' and <= (byte)'~')
            {
                packed |= (ulong)b << (8 * (7 - n));
                n++;
            }
        }

        return packed;
    }

    /// <summary>Packs an ICD-10 code normalized: upper case, no dots, dashes, '+' or '*' marks, at most 6 characters.</summary>
    public static ulong PackIcd(ReadOnlySpan<byte> code)
    {
        ulong packed = 0;
        var n = 0;
        foreach (var raw in code)
        {
            var b = raw is >= (byte)'a' and <= (byte)'z' ? (byte)(raw - 32) : raw;
            if (n == 6 || b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')))
            {
                if (n == 6)
                {
                    break;
                }

                continue;
            }

            packed |= (ulong)b << (8 * (7 - n));
            n++;
        }

        return packed;
    }

    /// <summary>A 64-bit hash of an identifier's trimmed bytes.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes) => XxHash3.HashToUInt64(bytes);
}
