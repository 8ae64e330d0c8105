using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Build;

/// <summary>
/// Appends rejected rows to a CSV file <c>unit;file;row;column;reason</c> (header written once, when the file is new).
/// No value is written: rejects never carry identifier values.
/// </summary>
public sealed class RejectsWriter : IDisposable
{
    public const string Header = "unit;file;row;column;reason";
    private readonly StreamWriter _writer;

    public RejectsWriter(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var isNew = !File.Exists(path) || new FileInfo(path).Length == 0;
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new System.Text.UTF8Encoding(false));
        if (isNew)
        {
            _writer.Write(Header);
            _writer.Write('\n');
        }
    }

    /// <summary>Appends the rejects of <paramref name="unitId"/>.</summary>
    public void Append(string unitId, IEnumerable<RejectedRow> rejects)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        ArgumentNullException.ThrowIfNull(rejects);
        foreach (var r in rejects)
        {
            _writer.Write(Field(unitId));
            _writer.Write(';');
            _writer.Write(Field(r.File));
            _writer.Write(';');
            _writer.Write(r.Row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _writer.Write(';');
            _writer.Write(Field(r.Column ?? ""));
            _writer.Write(';');
            _writer.Write(Field(r.Reason));
            _writer.Write('\n');
        }
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(";\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
