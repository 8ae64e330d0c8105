using Apache.Arrow;
using Apache.Arrow.Ipc;
using ParquetSharp.Arrow;

namespace OpenChronic.Ingestion.Database;

/// <summary>
/// Reads one table of a built database row by row over Arrow record batches, after checking that the file has the
/// table's columns with their types; errors name the file, the row (1-based) and the column.
/// </summary>
internal sealed class DatabaseTableCursor : IDisposable
{
    private readonly FileReader _file;
    private readonly IArrowArrayStream _stream;
    private readonly string[] _columns;
    private RecordBatch? _batch;
    private int _index = -1;

    public DatabaseTableCursor(string directory, string table)
    {
        Path = System.IO.Path.Combine(directory, table + ".parquet");
        if (!File.Exists(Path))
        {
            throw new DatabaseFormatException(Path, $"missing table '{table}'.");
        }

        var expected = DatabaseTables.SchemaOf(table);
        _columns = [.. expected.FieldsList.Select(f => f.Name)];
        try
        {
            _file = new FileReader(Path);
            var actual = _file.Schema;
            foreach (var field in expected.FieldsList)
            {
                var index = actual.GetFieldIndex(field.Name);
                if (index < 0)
                {
                    throw new DatabaseFormatException(Path, $"missing column '{field.Name}'.");
                }

                if (actual.GetFieldByIndex(index).DataType.TypeId != field.DataType.TypeId)
                {
                    throw new DatabaseFormatException(Path, $"column '{field.Name}' is {actual.GetFieldByIndex(index).DataType.Name}, expected {field.DataType.Name}.");
                }
            }

            _stream = _file.GetRecordBatchReader(columns: [.. expected.FieldsList.Select(f => actual.GetFieldIndex(f.Name))]);
        }
        catch (Exception e) when (e is not DatabaseFormatException)
        {
            _file?.Dispose();
            throw new DatabaseFormatException(Path, $"not a readable Parquet file: {e.Message}", e);
        }
        catch
        {
            _file?.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>1-based number of the current row in the file.</summary>
    public long Row { get; private set; }

    /// <summary>Moves to the next row; false at the end of the table.</summary>
    public bool Next()
    {
        while (_batch is null || ++_index >= _batch.Length)
        {
            _batch?.Dispose();
            try
            {
                _batch = _stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not DatabaseFormatException)
            {
                throw new DatabaseFormatException(Path, $"unreadable after row {Row}: {e.Message}", e);
            }

            _index = -1;
            if (_batch is null)
            {
                return false;
            }
        }

        Row++;
        return true;
    }

    public string? Text(int column) => ((StringArray)_batch!.Column(column)).GetString(_index);

    public string RequiredText(int column) => Text(column) ?? throw Error(column, "null value.");

    public int? Int32(int column) => ((Int32Array)_batch!.Column(column)).GetValue(_index);

    public long? Int64(int column) => ((Int64Array)_batch!.Column(column)).GetValue(_index);

    public double? Double(int column) => ((DoubleArray)_batch!.Column(column)).GetValue(_index);

    public bool Boolean(int column) => ((BooleanArray)_batch!.Column(column)).GetValue(_index) ?? false;

    public int? DayNumber(int column) => ((Date32Array)_batch!.Column(column)).GetDateOnly(_index)?.DayNumber;

    /// <summary>A located error at the current row.</summary>
    public DatabaseFormatException Error(int column, string reason) =>
        new(Path, $"row {Row}, column '{_columns[column]}': {reason}");

    public void Dispose()
    {
        _batch?.Dispose();
        _stream?.Dispose();
        _file.Dispose();
    }
}
