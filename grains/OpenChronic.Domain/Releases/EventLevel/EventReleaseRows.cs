using System.Globalization;
using System.Text;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The two tables of an event-level release as text: <c>persons.csv</c> (person, age_band, sex, territory, reference)
/// and <c>events.csv</c> (person, kind, code, period); comma-separated, no quoting (no released value holds a comma,
/// quote or line break — the reader rejects one that does, with its file, row and column).
/// </summary>
public static class EventReleaseRows
{
    public const string PersonsCsv = "persons.csv";
    public const string EventsCsv = "events.csv";

    public static IReadOnlyList<string> PersonColumns { get; } = ["person", "age_band", "sex", "territory", "reference"];

    public static IReadOnlyList<string> EventColumns { get; } = ["person", "kind", "code", "period"];

    public static IReadOnlyList<IReadOnlyList<string>> PersonRows(IEnumerable<ReleasedPerson> persons) =>
        [.. persons.Select(p => (IReadOnlyList<string>)[p.Person, p.AgeBand, p.Sex, p.Territory, p.Reference])];

    public static IReadOnlyList<IReadOnlyList<string>> EventRows(IEnumerable<ReleasedEvent> events) =>
        [.. events.Select(e => (IReadOnlyList<string>)[e.Person, e.Kind, e.Code, e.Period])];

    /// <summary>Writes a CSV table.</summary>
    public static void WriteCsv(string path, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(string.Join(',', columns));
        writer.Write('\n');
        foreach (var row in rows)
        {
            writer.Write(string.Join(',', row));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a CSV table written by <see cref="WriteCsv"/>; problems (located) are added to <paramref name="problems"/>.</summary>
    public static List<string[]> ReadCsv(string path, IReadOnlyList<string> columns, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var rows = new List<string[]>();
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add($"{name}: missing.");
            return rows;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != string.Join(',', columns))
        {
            problems.Add($"{name} row 1: header is '{header}', expected '{string.Join(',', columns)}'.");
            return rows;
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var cells = text.Split(',');
            if (cells.Length != columns.Count || text.Contains('"', StringComparison.Ordinal))
            {
                problems.Add($"{name} row {line.ToString(CultureInfo.InvariantCulture)}: {cells.Length} cells or a quote, expected {columns.Count} plain cells.");
                continue;
            }

            rows.Add(cells);
        }

        return rows;
    }
}
