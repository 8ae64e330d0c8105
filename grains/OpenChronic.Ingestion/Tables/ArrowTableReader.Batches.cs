using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Ingestion.Tables;

/// <summary>Batch conversion: pass-through, value conversion and the filtering of rejected rows.</summary>
internal sealed partial class ArrowTableReader
{
    public SndsReadBatch? ReadNext()
    {
        var source = NextSlice(out var sliced);
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
                // a slice shares its buffers with the rest of the file batch, which a caller disposing it
                // could free (decompressed IPC buffers are owned): it is copied
                arrays[k] = sliced ? Filter(column, Buffer(k), null) : column;
                continue;
            }

            var buffer = Buffer(k);
            for (var row = 0; row < length; row++)
            {
                if (column.IsNull(row))
                {
                    buffer.AppendNull();
                }
                else if (!TryConvertInRange(column, row, buffer, out var reason, out var value))
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
                arrays[k] = Filter(arrays[k], Buffer(k), rejectReasons);
            }
        }

        _rowBase += length;
        return new SndsReadBatch(new RecordBatch(Schema, arrays, rowNumbers.Length), rowNumbers, rejects);
    }

    private ColumnBuffer Buffer(int k) => _buffers[k] ??= ColumnBuffer.Create(_columns[k], _batchSize, decimalComma: false);

    /// <summary>
    /// The next stretch of at most the batch size rows: a file batch as it is, or a slice of it when it is
    /// larger (Arrow IPC files keep the batches their writer chose).
    /// </summary>
    private RecordBatch? NextSlice(out bool sliced)
    {
        sliced = false;
        if (_pending is null)
        {
            try
            {
                _pending = _next();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new SndsFormatException(Path, $"unreadable after data row {_rowBase}: {e.Message}", e);
            }

            _pendingOffset = 0;
            if (_pending is null)
            {
                return null;
            }
        }

        var batch = _pending;
        var length = Math.Min(_batchSize, batch.Length - _pendingOffset);
        var offset = _pendingOffset;
        _pendingOffset += length;
        if (_pendingOffset >= batch.Length)
        {
            _pending = null;
        }

        if (offset == 0 && length == batch.Length)
        {
            return batch;
        }

        sliced = true;
        return new RecordBatch(batch.Schema, batch.Arrays.Select(a => ArrowArrayFactory.Slice(a, offset, length)), length);
    }

    /// <summary>The rows of <paramref name="array"/> that were not rejected (all when none was), copied through the column's buffer.</summary>
    private static IArrowArray Filter(IArrowArray array, ColumnBuffer buffer, string?[]? rejectReasons)
    {
        for (var i = 0; i < array.Length; i++)
        {
            if (rejectReasons?[i] is not null)
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

    /// <summary>A conversion whose arithmetic overflows (a date in year 300,000) is a rejected value, not an exception.</summary>
    private bool TryConvertInRange(IArrowArray column, int row, ColumnBuffer buffer, out string reason, out string? value)
    {
        var count = buffer.Count;
        value = null;
        try
        {
            if (TryConvert(column, row, buffer, out reason))
            {
                return true;
            }
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            if (buffer.Count > count)
            {
                buffer.Truncate(count);
            }

            reason = "value out of range";
        }

        // only a rejected value is turned into a string
        value = ValueText(column, row);
        return false;
    }

    private static string ValueText(IArrowArray column, int row)
    {
        var text = column switch
        {
            StringArray s => s.GetString(row),
            BooleanArray b => b.GetValue(row) == true ? "1" : "0",
            FloatArray f => f.Values[row].ToString("R", CultureInfo.InvariantCulture),
            DoubleArray d => d.Values[row].ToString("R", CultureInfo.InvariantCulture),
            Date32Array d32 => d32.Values[row].ToString(CultureInfo.InvariantCulture) + " days",
            Date64Array d64 => d64.Values[row].ToString(CultureInfo.InvariantCulture) + " ms",
            TimestampArray ts => ts.Values[row].ToString(CultureInfo.InvariantCulture) + " " + ((TimestampType)ts.Data.DataType).Unit,
            UInt64Array u64 => u64.Values[row].ToString(CultureInfo.InvariantCulture),
            _ => IntegerAt(column, row).ToString(CultureInfo.InvariantCulture),
        };
        return text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
    }

    private bool TryConvert(IArrowArray column, int row, ColumnBuffer buffer, out string reason)
    {
        switch (column)
        {
            case StringArray s:
                var bytes = s.GetBytes(row, out _);
                if (bytes.Length > _chars.Length)
                {
                    _chars = new char[bytes.Length * 2];
                }

                var text = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
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
                return buffer.TryAppendMilliseconds(SndsDates.ToMilliseconds(ts.Values[row], ((TimestampType)ts.Data.DataType).Unit), out reason);
            case UInt64Array u64 when u64.Values[row] > long.MaxValue:
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

}
