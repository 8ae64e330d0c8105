using System.Text;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Plants unparsable dates in finished CSV files (a typed writer cannot write them): the recorded rows get a
/// date field that is not a date. Only for the CSV format; each row was recorded in the defect log when chosen.
/// </summary>
internal sealed class CsvDateCorruptor
{
    /// <summary>The text written instead of the date: a day that does not exist.</summary>
    public const string BadDate = "2019-02-30";

    private readonly Dictionary<string, (string Column, SortedSet<long> Rows)> _targets = new(StringComparer.Ordinal);

    public void Add(string path, string column, long row)
    {
        if (!_targets.TryGetValue(path, out var target))
        {
            _targets[path] = target = (column, []);
        }

        target.Rows.Add(row);
    }

    /// <summary>Rewrites each affected file once, streaming, replacing the field of the recorded rows.</summary>
    public void Apply(char delimiter)
    {
        foreach (var (path, (column, rows)) in _targets.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var temporary = path + ".tmp";
            using (var reader = new StreamReader(path, Encoding.UTF8))
            using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                var header = reader.ReadLine() ?? "";
                writer.WriteLine(header);
                var index = Array.IndexOf(header.Split(delimiter), column);
                long row = 0;
                while (reader.ReadLine() is { } line)
                {
                    row++;
                    writer.WriteLine(index >= 0 && rows.Contains(row) ? Replace(line, delimiter, index) : line);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
    }

    private static string Replace(string line, char delimiter, int field)
    {
        // The generator's DCIR values hold no delimiter nor quote, so fields split plainly.
        var parts = line.Split(delimiter);
        if (field < parts.Length)
        {
            parts[field] = BadDate;
        }

        return string.Join(delimiter, parts);
    }
}
