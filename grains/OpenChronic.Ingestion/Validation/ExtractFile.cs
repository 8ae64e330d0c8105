using System.Globalization;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>A table file found in an extract folder.</summary>
/// <param name="Path">Full path.</param>
/// <param name="RelativePath">Path relative to the extract folder, with '/' separators.</param>
/// <param name="Name">The table and partition read from the file name.</param>
/// <param name="Format">The file format, from the extension.</param>
public sealed record ExtractFile(string Path, string RelativePath, SndsFileName Name, SndsFileFormat Format)
{
    /// <summary>
    /// The table as the extract names it: the catalogue name, with the two-digit year for PMSI tables
    /// (<c>T_MCO19B</c>), since each PMSI year is a table of its own.
    /// </summary>
    public string TableLabel => Label(Name.Table.Name, Name.Year);

    /// <summary>The name of a catalogue table in an extract: PMSI tables carry their two-digit year (<c>T_MCO19B</c>).</summary>
    internal static string Label(string table, int? year) =>
        table.StartsWith("T_MCOaa", StringComparison.Ordinal) && year is { } y
            ? string.Create(CultureInfo.InvariantCulture, $"T_MCO{y % 100:D2}{table[^1]}")
            : table;
}
