using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using OpenChronic.Domain.Snds;
using ParquetSharp.Arrow;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Parquet and Arrow IPC files: record batches come from the file already typed; a column whose Arrow type
/// is the catalogue's passes through without copying, any other is converted value by value (string dates,
/// Int32 → Int64, Date64/Timestamp → Date32...), and a row with an unconvertible value is rejected whole.
/// </summary>
internal sealed partial class ArrowTableReader : ISndsTableReader
{
    private readonly Func<RecordBatch?> _next;
    private readonly IDisposable[] _owned;
    private readonly string[] _sourceNames;
    private readonly bool[] _passThrough;
    private readonly ColumnBuffer?[] _buffers;
    private readonly SndsColumn[] _columns;
    private readonly int _batchSize;
    private char[] _chars = new char[256];
    private long _rowBase;
    private RecordBatch? _pending;
    private int _pendingOffset;

    private ArrowTableReader(string path, SndsTable table, Schema fileSchema, HeaderMatch match, int batchSize, Func<RecordBatch?> next, IDisposable[] owned)
    {
        Path = path;
        Table = table;
        _next = next;
        _owned = owned;
        _batchSize = batchSize;
        MissingColumns = match.Missing;
        ExtraColumns = match.Extra;
        if (match.Columns.Length == 0 && match.Extra.Length > 0)
        {
            throw new SndsFormatException(path, $"no column of {table.Name} found in the file (columns: {string.Join(", ", match.Extra.Take(10))})");
        }

        Schema = SndsArrowSchema.For(table, match.Columns.Select(c => c.Name));
        _sourceNames = [.. match.FileIndexes.Select(i => fileSchema.FieldsList[i].Name)];
        // Buffers are made on first use: a typed file passes most columns through and never needs theirs
        // (allocating a batch-sized buffer per column for every file opened cost more than reading small files).
        _columns = match.Columns;
        _buffers = new ColumnBuffer?[_columns.Length];
        _passThrough = new bool[_buffers.Length];
        for (var k = 0; k < _buffers.Length; k++)
        {
            var source = fileSchema.FieldsList[match.FileIndexes[k]].DataType;
            _passThrough[k] = SndsTableWriter.SameType(source, SndsArrowSchema.ArrowType(_columns[k].Type));
            if (!_passThrough[k] && !IsConvertible(source))
            {
                throw new SndsFormatException(path,
                    $"column {_sourceNames[k]} has Arrow type {source.Name}, which cannot be read as {match.Columns[k].Type.ToString().ToLowerInvariant()}");
            }
        }
    }

    public string Path { get; }

    public SndsTable Table { get; }

    public Schema Schema { get; }

    public IReadOnlyList<string> MissingColumns { get; }

    public IReadOnlyList<string> ExtraColumns { get; }

    public static ArrowTableReader OpenParquet(string path, SndsTable table, SndsReadOptions options)
    {
        var owned = new List<IDisposable>();
        try
        {
            var properties = ArrowReaderProperties.GetDefault();
            owned.Add(properties);
            properties.BatchSize = options.BatchSize;

            // pre-buffering reads ahead every requested row group and keeps it: memory grew with the file
            // (635 MiB peak for a 500 MiB file, 242 MiB without), so it stays off to keep memory bounded
            properties.PreBuffer = false;

            // columns are decoded in parallel on Arrow's CPU pool (bounded by the core count)
            properties.UseThreads = true;
            var reader = new FileReader(path, arrowProperties: properties);
            owned.Add(reader);
            var schema = reader.Schema;
            var match = HeaderMatch.Match(Names(schema), table, options.Columns);
            var stream = reader.GetRecordBatchReader(columns: match.FileIndexes);
            owned.Add(stream);
            return new ArrowTableReader(path, table, schema, match, options.BatchSize,
                () => stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult(), [.. owned]);
        }
        catch (Exception e) when (e is not SndsFormatException and not ArgumentException)
        {
            DisposeAll(owned);
            throw new SndsFormatException(path, $"not a readable Parquet file: {e.Message}", e);
        }
        catch
        {
            DisposeAll(owned);
            throw;
        }
    }

    public static ArrowTableReader OpenIpc(string path, SndsTable table, SndsReadOptions options)
    {
        var owned = new List<IDisposable>();
        try
        {
            var file = File.OpenRead(path);
            owned.Add(file);
            ArrowStreamReader reader;
            try
            {
                var fileReader = new ArrowFileReader(file, leaveOpen: true);
                _ = fileReader.Schema;
                reader = fileReader;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or InvalidOperationException)
            {
                // not the IPC file format: try the IPC stream format before giving up
                file.Position = 0;
                var streamReader = new ArrowStreamReader(file, leaveOpen: true);
                _ = streamReader.Schema;
                reader = streamReader;
            }

            owned.Add(reader);
            var schema = reader.Schema;
            var match = HeaderMatch.Match(Names(schema), table, options.Columns);
            return new ArrowTableReader(path, table, schema, match, options.BatchSize, reader.ReadNextRecordBatch, [.. owned]);
        }
        catch (Exception e) when (e is not SndsFormatException and not ArgumentException)
        {
            DisposeAll(owned);
            throw new SndsFormatException(path, $"not a readable Arrow IPC file: {e.Message}", e);
        }
        catch
        {
            DisposeAll(owned);
            throw;
        }
    }

    public void Dispose()
    {
        for (var i = _owned.Length - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private static string[] Names(Schema schema) => [.. schema.FieldsList.Select(f => f.Name)];

    private static void DisposeAll(List<IDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }
    }

    private static bool IsConvertible(IArrowType type) => type.TypeId switch
    {
        ArrowTypeId.String or ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.Int64
            or ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64
            or ArrowTypeId.Float or ArrowTypeId.Double or ArrowTypeId.Boolean
            or ArrowTypeId.Date32 or ArrowTypeId.Date64 or ArrowTypeId.Timestamp => true,
        _ => false,
    };
}
