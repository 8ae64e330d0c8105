using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace OpenChronic.Ingestion.Tables;

/// <summary>Arrow IPC file format (Feather v2) through Apache.Arrow's <see cref="ArrowFileWriter"/>, one record batch per written batch.</summary>
internal sealed class ArrowIpcTableWriter : ISndsTableWriter
{
    private readonly Schema _schema;
    private readonly FileStream _stream;
    private readonly ArrowFileWriter _writer;
    private bool _disposed;

    public ArrowIpcTableWriter(string path, Schema schema)
    {
        Path = path;
        _schema = schema;
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _writer = new ArrowFileWriter(_stream, schema, leaveOpen: true);
        _writer.WriteStart();
    }

    public string Path { get; }

    public long RowsWritten { get; private set; }

    public void Write(RecordBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SndsTableWriter.CheckBatch(_schema, batch);
        _writer.WriteRecordBatch(batch);
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
            _writer.WriteEnd();
        }
        finally
        {
            _writer.Dispose();
            _stream.Dispose();
        }
    }
}
