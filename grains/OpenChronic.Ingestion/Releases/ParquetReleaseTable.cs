using OpenChronic.Domain.Releases;
using ParquetSharp;

namespace OpenChronic.Ingestion.Releases;

/// <summary>
/// The Parquet copy of a release's microdata (<c>microdata.parquet</c>): one UTF-8 string column per released
/// column, one row group, Snappy compression; read back for the release verifier's CSV/Parquet comparison.
/// </summary>
public sealed class ParquetReleaseTable : IReleaseTableFormat
{
    public string FileName => ReleaseManifest.MicrodataParquet;

    public void Write(string path, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var schema = columns.Select(c => (Column)new Column<string>(c)).ToArray();
        using var writer = new ParquetFileWriter(path, schema, Compression.Snappy);
        using (var group = writer.AppendRowGroup())
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var values = new string[rows.Count];
                for (var r = 0; r < rows.Count; r++)
                {
                    values[r] = rows[r][c];
                }

                using var column = group.NextColumn().LogicalWriter<string>();
                column.WriteBatch(values);
            }
        }

        writer.Close();
    }

    public (IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows) Read(string path)
    {
        using var reader = new ParquetFileReader(path);
        var metadata = reader.FileMetaData;
        var names = Enumerable.Range(0, metadata.NumColumns).Select(i => metadata.Schema.Column(i).Name).ToArray();
        var rows = new List<string[]>();
        for (var g = 0; g < metadata.NumRowGroups; g++)
        {
            using var group = reader.RowGroup(g);
            var count = checked((int)group.MetaData.NumRows);
            var columns = new string[names.Length][];
            for (var c = 0; c < names.Length; c++)
            {
                using var column = group.Column(c).LogicalReader<string>();
                columns[c] = column.ReadAll(count);
            }

            for (var r = 0; r < count; r++)
            {
                rows.Add([.. columns.Select(col => col[r] ?? "")]);
            }
        }

        reader.Close();
        return (names, rows);
    }
}
