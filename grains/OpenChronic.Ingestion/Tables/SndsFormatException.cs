namespace OpenChronic.Ingestion.Tables;

/// <summary>A table file that cannot be read at all (not the announced format, no header, unreadable), with its location.</summary>
public sealed class SndsFormatException : Exception
{
    public SndsFormatException()
    {
    }

    public SndsFormatException(string message)
        : base(message)
    {
    }

    public SndsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SndsFormatException(string path, string message, Exception? innerException = null)
        : base($"{path}: {message}", innerException)
    {
        FilePath = path;
    }

    /// <summary>The file, when known.</summary>
    public string? FilePath { get; }
}
