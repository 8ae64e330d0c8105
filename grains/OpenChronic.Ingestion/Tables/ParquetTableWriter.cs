using Apache.Arrow;
using ParquetSharp;
using ParquetSharp.Arrow;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Parquet through ParquetSharp's Arrow writer: dictionary encoding on, Snappy (or Zstd) compression,
/// batches buffered into row groups of up to <see cref="SndsWriteOptions.ParquetRowGroupRows"/> rows.
/// The Arrow schema is stored in the file so that types (Date32, Timestamp(ms)) read back exactly.
/// </summary>
internal sealed class ParquetTableWriter : ISndsTableWriter
{
    private readonly Schema _schema;
    private readonly WriterProperties _properties;
    private readonly ArrowWriterProperties _arrowProperties;
    private readonly FileWriter _writer;
    private bool _disposed;

    public ParquetTableWriter(string path, Schema schema, SndsWriteOptions options)
    {
        Path = path;
        _schema = schema;
        using var builder = new WriterPropertiesBuilder();
        _properties = builder
            .Compression(options.ParquetCompression switch
            {
                SndsParquetCompression.Zstd => Compression.Zstd,
                SndsParquetCompression.None => Compression.Uncompressed,
                _ => Compression.Snappy,
            })
            .EnableDictionary()
            .MaxRowGroupLength(options.ParquetRowGroupRows)
            .Build();
        using var arrowBuilder = new ArrowWriterPropertiesBuilder();
        _arrowProperties = arrowBuilder.StoreSchema().Build();
        _writer = new FileWriter(path, schema, _properties, _arrowProperties);
    }

    public string Path { get; }

    public long RowsWritten { get; private set; }

    public void Write(RecordBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SndsTableWriter.CheckBatch(_schema, batch);
        if (batch.Length == 0)
        {
            return;
        }

        _writer.WriteBufferedRecordBatch(batch);
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
            _writer.Close();
        }
        finally
        {
            _writer.Dispose();
            _arrowProperties.Dispose();
            _properties.Dispose();
        }
    }
}
