using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Ingestion.Tables;

/// <summary>Batch conversion: pass-through, value conversion and the filtering of rejected rows.</summary>
internal sealed partial class ArrowTableReader
{
    public SndsReadBatch? ReadNext()
    {
        RecordBatch? source;
        try
        {
            source = _next();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SndsFormatException(Path, $"unreadable after data row {_rowBase}: {e.Message}", e);
        }

        if (source is null)
        {
            return null;
        }

        var length = source.Length;
        var arrays = new IArrowArray[_buffers.Length];
        string?[]? rejectReasons = null;
        string?[]? rejectColumns = null;
        string?[]? rejectValues = null;
        for (var k = 0; k < _buffers.Length; k++)
        {
            var column = source.Column(source.Schema.GetFieldIndex(_sourceNames[k]));
            if (_passThrough[k])
            {
                arrays[k] = column;
                continue;
            }

            var buffer = _buffers[k];
            for (var row = 0; row < length; row++)
            {
                if (column.IsNull(row))
                {
                    buffer.AppendNull();
                }
                else if (!TryConvert(column, row, buffer, out var reason, out var value))
                {
                    buffer.AppendNull();
                    rejectReasons ??= new string?[length];
                    rejectColumns ??= new string?[length];
                    rejectValues ??= new string?[length];
                    if (rejectReasons[row] is null)
                    {
                        rejectReasons[row] = reason;
                        rejectColumns[row] = buffer.Column.Name;
                        rejectValues[row] = value;
                    }
                }
            }

            arrays[k] = buffer.Build();
        }

        var rejects = new List<RejectedRow>();
        long[] rowNumbers;
        if (rejectReasons is null)
        {
            rowNumbers = new long[length];
            for (var i = 0; i < length; i++)
            {
                rowNumbers[i] = _rowBase + i + 1;
            }
        }
        else
        {
            var accepted = new List<long>(length);
            for (var i = 0; i < length; i++)
            {
                if (rejectReasons[i] is { } reason)
                {
                    rejects.Add(new RejectedRow(Path, _rowBase + i + 1, rejectColumns![i], reason, rejectValues![i]));
                }
                else
                {
                    accepted.Add(_rowBase + i + 1);
                }
            }

            rowNumbers = [.. accepted];
            for (var k = 0; k < arrays.Length; k++)
            {
                arrays[k] = Filter(arrays[k], _buffers[k], rejectReasons);
            }
        }

        _rowBase += length;
        return new SndsReadBatch(new RecordBatch(Schema, arrays, rowNumbers.Length), rowNumbers, rejects);
    }

    /// <summary>The rows of <paramref name="array"/> that were not rejected, copied through the column's buffer.</summary>
    private static IArrowArray Filter(IArrowArray array, ColumnBuffer buffer, string?[] rejectReasons)
    {
        for (var i = 0; i < array.Length; i++)
        {
            if (rejectReasons[i] is not null)
            {
                continue;
            }

            if (array.IsNull(i))
            {
                buffer.AppendNull();
            }
            else
            {
                buffer.AppendSame(array, i);
            }
        }

        return buffer.Build();
    }

    private bool TryConvert(IArrowArray column, int row, ColumnBuffer buffer, out string reason, out string? value)
    {
        value = null;
        switch (column)
        {
            case StringArray s:
                var bytes = s.GetBytes(row, out _);
                if (bytes.Length * 2 > _chars.Length)
                {
                    _chars = new char[bytes.Length * 2];
                }

                var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
                value = text.Length <= 64 ? text.ToString() : string.Concat(text[..61], "...");
                if (text.Contains('\uFFFD'))
                {
                    reason = "not valid UTF-8";
                    return false;
                }

                if (text.IsWhiteSpace())
                {
                    buffer.AppendNull();
                    reason = "";
                    return true;
                }

                return buffer.TryAppendText(text, out reason);
            case BooleanArray b:
                return buffer.TryAppendBoolean(b.GetValue(row) == true, out reason);
            case FloatArray f:
                return buffer.TryAppendNumber(f.Values[row], out reason);
            case DoubleArray d:
                return buffer.TryAppendNumber(d.Values[row], out reason);
            case Date32Array d32:
                return buffer.TryAppendDays(d32.Values[row], out reason);
            case Date64Array d64:
                return buffer.TryAppendMilliseconds(d64.Values[row], out reason);
            case TimestampArray ts:
                return buffer.TryAppendMilliseconds(ToMilliseconds(ts.Values[row], ((TimestampType)ts.Data.DataType).Unit), out reason);
            case UInt64Array u64 when u64.Values[row] > long.MaxValue:
                value = u64.Values[row].ToString(System.Globalization.CultureInfo.InvariantCulture);
                reason = "integer too large";
                return false;
            default:
                return buffer.TryAppendInteger(IntegerAt(column, row), out reason);
        }
    }

    private static long IntegerAt(IArrowArray column, int row) => column switch
    {
        Int8Array a => a.Values[row],
        Int16Array a => a.Values[row],
        Int32Array a => a.Values[row],
        Int64Array a => a.Values[row],
        UInt8Array a => a.Values[row],
        UInt16Array a => a.Values[row],
        UInt32Array a => a.Values[row],
        UInt64Array a => (long)a.Values[row],
        _ => throw new InvalidOperationException($"Unexpected Arrow type {column.Data.DataType.Name}."),
    };

    private static long ToMilliseconds(long value, TimeUnit unit) => unit switch
    {
        TimeUnit.Second => value * 1000,
        TimeUnit.Millisecond => value,
        TimeUnit.Microsecond => (long)Math.Floor(value / 1000.0),
        _ => (long)Math.Floor(value / 1_000_000.0),
    };
}
