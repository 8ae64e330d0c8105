using Apache.Arrow;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic.Arrow;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// One output file: rows are built in a <see cref="TableBuffer"/> and written as a record batch whenever it is
/// full, so memory stays bounded whatever the file size. Knows the 1-based row number of the current row.
/// </summary>
internal sealed class TableSink : IDisposable
{
    private readonly Func<string, Schema, ISndsTableWriter> _createWriter;
    private ISndsTableWriter? _writer;

    public TableSink(string directory, string fileName, Schema schema, int capacity, Func<string, Schema, ISndsTableWriter> createWriter)
    {
        FileName = fileName;
        Path = System.IO.Path.Combine(directory, fileName);
        Buffer = new TableBuffer(schema, capacity);
        _createWriter = createWriter;
    }

    public string FileName { get; }

    public string Path { get; }

    public TableBuffer Buffer { get; }

    /// <summary>Rows in the file so far (written and buffered): the 1-based number of the last row started.</summary>
    public long Rows { get; private set; }

    /// <summary>Starts a row, flushing the buffer first when it is full.</summary>
    public TableBuffer NewRow()
    {
        if (Buffer.IsFull)
        {
            Flush();
        }

        Buffer.NewRow();
        Rows++;
        return Buffer;
    }

    public void Flush()
    {
        if (Buffer.Count == 0)
        {
            return;
        }

        _writer ??= _createWriter(Path, Buffer.Schema);
        using var batch = Buffer.Build();
        _writer.Write(batch);
    }

    public void Dispose()
    {
        Flush();
        _writer ??= _createWriter(Path, Buffer.Schema);
        _writer.Dispose();
    }
}
