using Apache.Arrow;
using Apache.Arrow.Types;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Database;

/// <summary>
/// Buffers the rows of one database table as Arrow array builders and writes a record batch every
/// <see cref="BatchRows"/> rows, so that memory stays bounded whatever the database size. The builders are cleared
/// and reused after each batch (building an array copies the builder's buffers), so that they grow only once.
/// </summary>
internal sealed class RowBuffer : IDisposable
{
    private const int BatchRows = 65_536;
    private readonly Schema _schema;
    private readonly ISndsTableWriter _writer;
    private readonly IArrowArrayBuilder[] _builders;
    private int _rows;

    public RowBuffer(string path, Schema schema)
    {
        _schema = schema;
        _writer = SndsTableWriter.Create(path, schema, SndsFileFormat.Parquet);
        _builders = [.. schema.FieldsList.Select(f => NewBuilder(f.DataType))];
    }

    public long RowsWritten => _writer.RowsWritten + _rows;

    public StringArray.Builder Text(int column) => (StringArray.Builder)_builders[column];

    public Int32Array.Builder Int32(int column) => (Int32Array.Builder)_builders[column];

    public Int64Array.Builder Int64(int column) => (Int64Array.Builder)_builders[column];

    public DoubleArray.Builder Double(int column) => (DoubleArray.Builder)_builders[column];

    public BooleanArray.Builder Boolean(int column) => (BooleanArray.Builder)_builders[column];

    public Date32Array.Builder Date(int column) => (Date32Array.Builder)_builders[column];

    public void Date(int column, DateOnly? value)
    {
        if (value is { } d)
        {
            Date(column).Append(d);
        }
        else
        {
            Date(column).AppendNull();
        }
    }

    public void Int32(int column, int? value)
    {
        if (value is { } v)
        {
            Int32(column).Append(v);
        }
        else
        {
            Int32(column).AppendNull();
        }
    }

    /// <summary>Ends the current row; writes a batch when the buffer is full.</summary>
    public void EndRow()
    {
        if (++_rows >= BatchRows)
        {
            Flush();
        }
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        var arrays = new IArrowArray[_builders.Length];
        for (var i = 0; i < arrays.Length; i++)
        {
            arrays[i] = Build(_builders[i]);
        }

        using (var batch = new RecordBatch(_schema, arrays, _rows))
        {
            _writer.Write(batch);
        }

        _rows = 0;
        foreach (var builder in _builders)
        {
            Clear(builder);
        }
    }

    private static void Clear(IArrowArrayBuilder builder)
    {
        switch (builder)
        {
            case StringArray.Builder b:
                b.Clear();
                break;
            case Int32Array.Builder b:
                b.Clear();
                break;
            case Int64Array.Builder b:
                b.Clear();
                break;
            case DoubleArray.Builder b:
                b.Clear();
                break;
            case BooleanArray.Builder b:
                b.Clear();
                break;
            case Date32Array.Builder b:
                b.Clear();
                break;
            default:
                throw new InvalidOperationException($"No clear for {builder.GetType().Name}.");
        }
    }

    private static IArrowArray Build(IArrowArrayBuilder builder) => builder switch
    {
        StringArray.Builder b => b.Build(),
        Int32Array.Builder b => b.Build(),
        Int64Array.Builder b => b.Build(),
        DoubleArray.Builder b => b.Build(),
        BooleanArray.Builder b => b.Build(),
        Date32Array.Builder b => b.Build(),
        _ => throw new InvalidOperationException($"No build for {builder.GetType().Name}."),
    };

    private static IArrowArrayBuilder NewBuilder(IArrowType type) => type.TypeId switch
    {
        ArrowTypeId.String => new StringArray.Builder(),
        ArrowTypeId.Int32 => new Int32Array.Builder(),
        ArrowTypeId.Int64 => new Int64Array.Builder(),
        ArrowTypeId.Double => new DoubleArray.Builder(),
        ArrowTypeId.Boolean => new BooleanArray.Builder(),
        ArrowTypeId.Date32 => new Date32Array.Builder(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Name, "Unsupported database column type."),
    };
}
