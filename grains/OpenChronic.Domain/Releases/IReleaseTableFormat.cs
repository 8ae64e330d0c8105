namespace OpenChronic.Domain.Releases;

/// <summary>
/// A second file format for the microdata table (Parquet, implemented outside the domain, which does no binary IO):
/// the writer adds the file to the release and the verifier checks that it holds exactly the CSV's rows.
/// </summary>
public interface IReleaseTableFormat
{
    /// <summary>File name inside the release directory, e.g. <c>microdata.parquet</c>.</summary>
    string FileName { get; }

    /// <summary>Writes a table of text columns.</summary>
    void Write(string path, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows);

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    (IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows) Read(string path);
}
