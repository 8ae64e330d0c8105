using Apache.Arrow;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Streams one table file (CSV, Parquet or Arrow IPC) as Arrow record batches typed by the catalogue,
/// matching columns by header name. Memory is bounded by the batch size, whatever the file size.
/// Bad rows never throw: they come back as <see cref="RejectedRow"/>s; only a file that cannot be read
/// at all (missing, not the announced format) throws <see cref="SndsFormatException"/>.
/// </summary>
public interface ISndsTableReader : IDisposable
{
    /// <summary>The file being read.</summary>
    string Path { get; }

    /// <summary>The catalogue table the file holds.</summary>
    SndsTable Table { get; }

    /// <summary>Arrow schema of the batches: the catalogue columns present in the file, in the file's order.</summary>
    Schema Schema { get; }

    /// <summary>Catalogue columns the file does not have.</summary>
    IReadOnlyList<string> MissingColumns { get; }

    /// <summary>Columns of the file that the catalogue does not know (they are not read).</summary>
    IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>Reads the next batch, or null at the end of the file.</summary>
    SndsReadBatch? ReadNext();
}
