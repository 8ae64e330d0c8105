using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Apache.Arrow;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// Reads one key tuple (one or more columns) from the rows of a record batch: whether a part is missing,
/// its 64-bit hash (XxHash3 over the trimmed text of each part) and a masked display for examples.
/// Values are compared as text, as ingestion joins them; dates as ISO dates, numbers in invariant digits.
/// </summary>
internal sealed class KeyTuple
{
    private const byte Separator = 0x1F;
    private readonly string[] _columns;
    private readonly int[] _fields;
    private readonly IArrowArray[] _arrays;
    private byte[] _buffer = new byte[256];

    /// <summary>Binds <paramref name="columns"/> to the fields of <paramref name="schema"/>; <see cref="IsComplete"/> is false when one is absent.</summary>
    public KeyTuple(IReadOnlyList<string> columns, Schema schema)
    {
        _columns = [.. columns];
        _fields = [.. columns.Select(c => IndexOf(schema, c))];
        _arrays = new IArrowArray[_columns.Length];
        IsComplete = System.Array.TrueForAll(_fields, f => f >= 0);
        Label = string.Join('+', _columns);
    }

    /// <summary>The key columns joined with '+'.</summary>
    public string Label { get; }

    public bool IsComplete { get; }

    public void Bind(RecordBatch batch)
    {
        for (var k = 0; k < _fields.Length; k++)
        {
            _arrays[k] = batch.Column(_fields[k]);
        }
    }

    /// <summary>The first key column that is null or blank in <paramref name="row"/>, or null when all are present.</summary>
    public string? MissingPart(int row)
    {
        for (var k = 0; k < _arrays.Length; k++)
        {
            var array = _arrays[k];
            if (array.IsNull(row) || (array is StringArray s && Trim(s.GetBytes(row)).IsEmpty))
            {
                return _columns[k];
            }
        }

        return null;
    }

    public ulong Hash(int row)
    {
        var length = 0;
        for (var k = 0; k < _arrays.Length; k++)
        {
            length = Append(_arrays[k], row, length);
            Ensure(length + 1);
            _buffer[length++] = Separator;
        }

        return XxHash3.HashToUInt64(_buffer.AsSpan(0, length));
    }

    /// <summary>True when the (single-column) key of <paramref name="row"/> is one of <paramref name="values"/>.</summary>
    public bool IsOneOf(int row, IReadOnlyList<string> values)
    {
        if (values.Count == 0 || _arrays.Length != 1 || _arrays[0] is not StringArray s || s.IsNull(row))
        {
            return false;
        }

        var bytes = Trim(s.GetBytes(row));
        foreach (var v in values)
        {
            if (bytes.Length == v.Length && Ascii.Equals(bytes, v))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tuple as <c>COL=value, ...</c> (the value alone for one column), person identifiers masked.</summary>
    public string Display(int row)
    {
        var parts = new string[_arrays.Length];
        for (var k = 0; k < _arrays.Length; k++)
        {
            var value = PersonMask.Show(_columns[k], Text(_arrays[k], row)) ?? "";
            parts[k] = _arrays.Length == 1 ? value : $"{_columns[k]}={value}";
        }

        return string.Join(", ", parts);
    }

    internal static string? Text(IArrowArray array, int row)
    {
        if (array.IsNull(row))
        {
            return null;
        }

        return array switch
        {
            StringArray s => Encoding.UTF8.GetString(Trim(s.GetBytes(row))),
            Int64Array a => a.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            Int32Array a => a.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture),
            DoubleArray a => a.GetValue(row)!.Value.ToString("R", CultureInfo.InvariantCulture),
            BooleanArray a => a.GetValue(row)!.Value ? "1" : "0",
            Date32Array a => a.GetDateOnly(row)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            TimestampArray a => a.GetTimestamp(row)!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            _ => array.Data.DataType.Name,
        };
    }

    internal static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes) => bytes.Trim((byte)' ');

    private static int IndexOf(Schema schema, string column)
    {
        for (var i = 0; i < schema.FieldsList.Count; i++)
        {
            if (string.Equals(schema.FieldsList[i].Name, column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private int Append(IArrowArray array, int row, int at)
    {
        switch (array)
        {
            case StringArray s:
                var bytes = Trim(s.GetBytes(row));
                Ensure(at + bytes.Length);
                bytes.CopyTo(_buffer.AsSpan(at));
                return at + bytes.Length;
            case Date32Array d:
                return AppendDate(d.GetDateOnly(row)!.Value, at);
            case Int64Array l:
                return Format(l.GetValue(row)!.Value, null, at);
            case Int32Array i:
                return Format(i.GetValue(row)!.Value, null, at);
            default:
                var text = Text(array, row) ?? "";
                Ensure(at + Encoding.UTF8.GetMaxByteCount(text.Length));
                return at + Encoding.UTF8.GetBytes(text, _buffer.AsSpan(at));
        }
    }

    /// <summary>Writes yyyy-MM-dd by hand: a custom format string costs more than the rest of the key.</summary>
    private int AppendDate(DateOnly date, int at)
    {
        Ensure(at + 10);
        var span = _buffer.AsSpan(at, 10);
        var (year, month, day) = date;
        span[0] = (byte)('0' + (year / 1000));
        span[1] = (byte)('0' + (year / 100 % 10));
        span[2] = (byte)('0' + (year / 10 % 10));
        span[3] = (byte)('0' + (year % 10));
        span[4] = (byte)'-';
        span[5] = (byte)('0' + (month / 10));
        span[6] = (byte)('0' + (month % 10));
        span[7] = (byte)'-';
        span[8] = (byte)('0' + (day / 10));
        span[9] = (byte)('0' + (day % 10));
        return at + 10;
    }

    private int Format<T>(T value, string? format, int at)
        where T : IUtf8SpanFormattable
    {
        Ensure(at + 32);
        value.TryFormat(_buffer.AsSpan(at), out var written, format, CultureInfo.InvariantCulture);
        return at + written;
    }

    private void Ensure(int length)
    {
        if (length > _buffer.Length)
        {
            System.Array.Resize(ref _buffer, Math.Max(length, _buffer.Length * 2));
        }
    }
}
