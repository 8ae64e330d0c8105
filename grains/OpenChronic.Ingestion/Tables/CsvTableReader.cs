using System.IO.Compression;
using Apache.Arrow;
using nietras.SeparatedValues;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// CSV (optionally gzip-compressed) through Sep: the delimiter is taken from the options or detected from the
/// header, each field is parsed from its character span straight into the column's Arrow buffers, and a row
/// with a wrong field count, invalid UTF-8 or an unparsable value is rejected whole, with its location.
/// </summary>
internal sealed partial class CsvTableReader : ISndsTableReader
{
    private readonly Stream _stream;
    private readonly SepReader _reader;
    private readonly int _batchSize;
    private readonly int _headerCount;
    private readonly int[] _fileIndexes;
    private readonly ColumnBuffer[] _buffers;
    private readonly string?[] _fileColumnNames;
    private long _rowNumber;
    private bool _done;

    public CsvTableReader(string path, SndsTable table, SndsReadOptions options)
    {
        Path = path;
        Table = table;
        _batchSize = options.BatchSize;
        var header = ReadHeaderLine(path);
        var delimiter = options.CsvDelimiter ?? DetectDelimiter(path, header, table);
        _stream = OpenStream(path);
        try
        {
            _reader = Sep.Reader(o => o with { Sep = new Sep(delimiter), HasHeader = false, Unescape = true, DisableColCountCheck = true })
                .From(_stream);
            if (!_reader.MoveNext())
            {
                throw new SndsFormatException(path, "empty file, no header");
            }

            var headerRow = _reader.Current;
            _headerCount = headerRow.ColCount;
            var names = new string[_headerCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = headerRow[i].Span.Trim().TrimStart('\uFEFF').ToString();
            }

            var match = HeaderMatch.Match(names, table, options.Columns);
            if (match.Columns.Length == 0 && options.Columns is not { Count: 0 })
            {
                throw new SndsFormatException(path,
                    $"no column of {table.Name} found in the header with delimiter '{delimiter}' (header: '{Shorten(header)}')");
            }

            _fileIndexes = match.FileIndexes;
            _buffers = [.. match.Columns.Select(c => ColumnBuffer.Create(c, _batchSize, decimalComma: delimiter == ';'))];
            _fileColumnNames = new string?[_headerCount];
            foreach (var (index, column) in match.FileIndexes.Zip(match.Columns))
            {
                _fileColumnNames[index] = column.Name;
            }

            MissingColumns = match.Missing;
            ExtraColumns = match.Extra;
            Schema = SndsArrowSchema.For(table, match.Columns.Select(c => c.Name));
        }
        catch
        {
            _reader?.Dispose();
            _stream.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public SndsTable Table { get; }

    public Schema Schema { get; }

    public IReadOnlyList<string> MissingColumns { get; }

    public IReadOnlyList<string> ExtraColumns { get; }

    public SndsReadBatch? ReadNext()
    {
        if (_done)
        {
            return null;
        }

        var rowNumbers = new long[_batchSize];
        var rejects = new List<RejectedRow>();
        var accepted = 0;
        while (accepted < _batchSize && rejects.Count < _batchSize)
        {
            if (!MoveNext())
            {
                _done = true;
                break;
            }

            var row = _reader.Current;
            _rowNumber++;
            if (row.Span.IsEmpty)
            {
                // a blank line (often the last one): nothing to read, nothing to reject
                continue;
            }

            if (ReadRow(row, accepted, rejects))
            {
                rowNumbers[accepted++] = _rowNumber;
            }
        }

        if (accepted == 0 && rejects.Count == 0)
        {
            return null;
        }

        var arrays = new IArrowArray[_buffers.Length];
        for (var k = 0; k < arrays.Length; k++)
        {
            arrays[k] = _buffers[k].Build();
        }

        System.Array.Resize(ref rowNumbers, accepted);
        return new SndsReadBatch(new RecordBatch(Schema, arrays, accepted), rowNumbers, rejects);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    /// <summary>Appends one data row to the buffers, or rolls it back and records why it is rejected.</summary>
    private bool ReadRow(SepReader.Row row, int accepted, List<RejectedRow> rejects)
    {
        if (row.ColCount != _headerCount)
        {
            var hint = row.ColCount < _headerCount && row.Span.Contains('"') ? " (unterminated quote?)" : "";
            rejects.Add(new RejectedRow(Path, _rowNumber, null, $"{row.ColCount} fields where the header has {_headerCount}{hint}", null));
            return false;
        }

        if (row.Span.Contains('\uFFFD'))
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                if (row[i].Span.Contains('\uFFFD'))
                {
                    rejects.Add(new RejectedRow(Path, _rowNumber, _fileColumnNames[i] ?? $"#{i + 1}", "not valid UTF-8", Shorten(row[i].Span)));
                    break;
                }
            }

            return false;
        }

        for (var k = 0; k < _buffers.Length; k++)
        {
            var buffer = _buffers[k];
            var span = row[_fileIndexes[k]].Span;
            if (span.IsEmpty || (buffer is not StringColumnBuffer && span.IsWhiteSpace()))
            {
                buffer.AppendNull();
            }
            else if (!buffer.TryAppendText(span, out var reason))
            {
                for (var j = 0; j < k; j++)
                {
                    _buffers[j].Truncate(accepted);
                }

                rejects.Add(new RejectedRow(Path, _rowNumber, buffer.Column.Name, reason, Shorten(span)));
                return false;
            }
        }

        return true;
    }

    private bool MoveNext()
    {
        try
        {
            return _reader.MoveNext();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException)
        {
            throw new SndsFormatException(Path, $"unreadable after data row {_rowNumber}: {e.Message}", e);
        }
    }

    private static string Shorten(ReadOnlySpan<char> value) => value.Length <= 64 ? value.ToString() : string.Concat(value[..61], "...");

    private static Stream OpenStream(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
