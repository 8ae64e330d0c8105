namespace OpenChronic.Ingestion.Database;

/// <summary>A built database that cannot be read back: the file, and where known the row and column, and why.</summary>
public sealed class DatabaseFormatException : Exception
{
    public DatabaseFormatException()
        : this("", "unreadable database")
    {
    }

    public DatabaseFormatException(string message)
        : this("", message)
    {
    }

    public DatabaseFormatException(string message, Exception inner)
        : this("", message, inner)
    {
    }

    public DatabaseFormatException(string path, string reason, Exception? inner = null)
        : base(string.IsNullOrEmpty(path) ? reason : $"{path}: {reason}", inner)
    {
        Path = path;
    }

    /// <summary>The file in error.</summary>
    public string Path { get; } = "";
}
