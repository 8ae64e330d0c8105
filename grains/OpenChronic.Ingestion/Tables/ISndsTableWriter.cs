using Apache.Arrow;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Writes Arrow record batches of one catalogue table to a file (CSV, Parquet or Arrow IPC), streaming:
/// each batch is written when given, so memory stays bounded by the batch size. Dispose to finish the file.
/// </summary>
public interface ISndsTableWriter : IDisposable
{
    /// <summary>The file being written.</summary>
    string Path { get; }

    /// <summary>Rows written so far.</summary>
    long RowsWritten { get; }

    /// <summary>Appends a batch; its schema must equal the writer's schema.</summary>
    void Write(RecordBatch batch);
}
