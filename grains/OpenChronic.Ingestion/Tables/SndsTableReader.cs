using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Opens a table file for streaming reads, choosing the format from the extension:
/// <c>.csv</c>, <c>.csv.gz</c>, <c>.txt</c> → CSV; <c>.parquet</c> → Parquet; <c>.arrow</c>, <c>.feather</c>, <c>.ipc</c> → Arrow IPC.
/// </summary>
public static class SndsTableReader
{
    /// <summary>Opens <paramref name="path"/> as a file of <paramref name="table"/>; throws <see cref="SndsFormatException"/> when it cannot be read at all.</summary>
    public static ISndsTableReader Open(string path, SndsTable table, SndsReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(table);
        options ??= SndsReadOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        if (!File.Exists(path))
        {
            throw new SndsFormatException(path, "file not found");
        }

        var format = FormatOf(path)
            ?? throw new SndsFormatException(path, "unknown file extension (expected .csv, .csv.gz, .txt, .parquet, .arrow, .feather or .ipc)");
        return format switch
        {
            SndsFileFormat.Csv => new CsvTableReader(path, table, options),
            SndsFileFormat.Parquet => ArrowTableReader.OpenParquet(path, table, options),
            _ => ArrowTableReader.OpenIpc(path, table, options),
        };
    }

    /// <summary>The format a file name announces, or null.</summary>
    public static SndsFileFormat? FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".csv.gz", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal))
        {
            return SndsFileFormat.Csv;
        }

        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return SndsFileFormat.Parquet;
        }

        return name.EndsWith(".arrow", StringComparison.Ordinal) || name.EndsWith(".feather", StringComparison.Ordinal) || name.EndsWith(".ipc", StringComparison.Ordinal)
            ? SndsFileFormat.ArrowIpc
            : null;
    }
}
