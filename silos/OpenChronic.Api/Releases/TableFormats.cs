using System.Text.Json;
using ParquetSharp;

namespace OpenChronic.Api.Releases;

/// <summary>
/// Serves a release's CSV table as CSV, JSON (an array of objects, values as published text) or Parquet (text
/// columns). Releases are written as CSV with ';' separators; ',' is accepted too.
/// </summary>
public static class TableFormats
{
    public static readonly IReadOnlyList<string> Names = ["csv", "json", "parquet"];

    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{Path.GetFileName(path)}: empty table.");
        var separator = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var columns = header.Split(separator);
        var rows = new List<string[]>();
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(separator);
            if (cells.Length != columns.Length)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: line {number} has {cells.Length} cells, the header {columns.Length}.");
            }

            rows.Add(cells);
        }

        return (columns, rows);
    }

    public static byte[] ToJson(string[] header, List<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var c = 0; c < header.Length; c++)
                {
                    json.WriteString(header[c], row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    public static byte[] ToParquet(string[] header, List<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var path = Path.Combine(Path.GetTempPath(), "openchronic-api-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            using (var file = new ParquetFileWriter(path, [.. header.Select(h => new Column<string>(h))]))
            {
                using var group = file.AppendRowGroup();
                for (var c = 0; c < header.Length; c++)
                {
                    using var column = group.NextColumn().LogicalWriter<string>();
                    column.WriteBatch([.. rows.Select(r => r[c])]);
                }

                file.Close();
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
