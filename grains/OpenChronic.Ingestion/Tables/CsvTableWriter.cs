using System.Buffers;
using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// CSV with a header line, <c>;</c> (or <c>,</c>) delimiter and LF line ends, written as UTF-8 straight
/// from the Arrow buffers into a 1 MiB byte buffer: no string per cell. Null is the empty field, booleans
/// are 0/1, numbers invariant, dates ISO (or SAS); a text value holding the delimiter, a quote or a line
/// break is quoted with doubled quotes.
/// </summary>
internal sealed class CsvTableWriter : ISndsTableWriter
{
    private const int BufferSize = 1 << 20;

    private readonly Schema _schema;
    private readonly FileStream _stream;
    private readonly byte _delimiter;
    private readonly bool _sas;
    private readonly SearchValues<byte> _needsQuotes;
    private byte[] _buffer = new byte[BufferSize];
    private int _length;
    private bool _disposed;

    public CsvTableWriter(string path, Schema schema, SndsWriteOptions options)
    {
        Path = path;
        _schema = schema;
        _delimiter = checked((byte)options.CsvDelimiter);
        _sas = options.CsvDateStyle == SndsCsvDateStyle.Sas;
        _needsQuotes = SearchValues.Create([_delimiter, (byte)'"', (byte)'\r', (byte)'\n']);
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        for (var i = 0; i < schema.FieldsList.Count; i++)
        {
            if (i > 0)
            {
                Put(_delimiter);
            }

            WriteText(Encoding.UTF8.GetBytes(schema.FieldsList[i].Name));
        }

        Put((byte)'\n');
    }

    public string Path { get; }

    public long RowsWritten { get; private set; }

    public void Write(RecordBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SndsTableWriter.CheckBatch(_schema, batch);
        var columns = new IArrowArray[batch.ColumnCount];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = batch.Column(c);
        }

        for (var row = 0; row < batch.Length; row++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                if (c > 0)
                {
                    Put(_delimiter);
                }

                WriteValue(columns[c], row);
            }

            Put((byte)'\n');
        }

        RowsWritten += batch.Length;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Flush();
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void WriteValue(IArrowArray array, int row)
    {
        if (array.IsNull(row))
        {
            return;
        }

        var span = Reserve(64);
        int n;
        switch (array)
        {
            case StringArray s:
                WriteText(s.GetBytes(row, out _));
                return;
            case Int64Array a:
                a.Values[row].TryFormat(span, out n, default, CultureInfo.InvariantCulture);
                break;
            case Int32Array a:
                a.Values[row].TryFormat(span, out n, default, CultureInfo.InvariantCulture);
                break;
            case Int16Array a:
                a.Values[row].TryFormat(span, out n, default, CultureInfo.InvariantCulture);
                break;
            case Int8Array a:
                a.Values[row].TryFormat(span, out n, default, CultureInfo.InvariantCulture);
                break;
            case DoubleArray a:
                a.Values[row].TryFormat(span, out n, "R", CultureInfo.InvariantCulture);
                break;
            case FloatArray a:
                a.Values[row].TryFormat(span, out n, "R", CultureInfo.InvariantCulture);
                break;
            case BooleanArray a:
                span[0] = a.GetValue(row) == true ? (byte)'1' : (byte)'0';
                n = 1;
                break;
            case Date32Array a:
                n = SndsDates.FormatDate(a.Values[row], _sas, span);
                break;
            case TimestampArray a:
                n = SndsDates.FormatDateTime(SndsDates.ToMilliseconds(a.Values[row], ((TimestampType)a.Data.DataType).Unit), _sas, span);
                break;
            default:
                throw new InvalidOperationException($"Unsupported Arrow type {array.Data.DataType.Name}.");
        }

        _length += n;
    }


    private void WriteText(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny(_needsQuotes) < 0)
        {
            text.CopyTo(Reserve(text.Length));
            _length += text.Length;
            return;
        }

        var quoted = Reserve(checked((text.Length * 2) + 2));
        var n = 0;
        quoted[n++] = (byte)'"';
        foreach (var b in text)
        {
            quoted[n++] = b;
            if (b == (byte)'"')
            {
                quoted[n++] = b;
            }
        }

        quoted[n++] = (byte)'"';
        _length += n;
    }

    private void Put(byte b)
    {
        if (_length == _buffer.Length)
        {
            Flush();
        }

        _buffer[_length++] = b;
    }

    /// <summary>Room for at least <paramref name="size"/> bytes at the end of the buffer, flushing or growing it.</summary>
    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length)
        {
            Flush();
            if (size > _buffer.Length)
            {
                _buffer = new byte[size];
            }
        }

        return _buffer.AsSpan(_length);
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
