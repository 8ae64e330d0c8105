using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenChronic.Domain.Snds;

/// <summary>
/// What a file of an extract holds, read from its name: the catalogue table and the partition
/// (flux month for DCIR, year for PMSI), e.g. <c>ER_PRS_F_201901.csv</c>, <c>ER_PRS_F.parquet</c>,
/// <c>T_MCO19B.csv</c>, <c>T_MCO2019C.parquet</c>.
/// </summary>
/// <param name="Table">The catalogue table.</param>
/// <param name="Partition">The partition label (<c>2019-01</c>, <c>2019</c>) or null when the name has none.</param>
/// <param name="Year">The four-digit year of a PMSI table, or of a DCIR flux month.</param>
public sealed record SndsFileName(SndsTable Table, string? Partition, int? Year)
{
    private static readonly Regex s_pmsi = new(
        @"^T_MCO(?<yy>\d{2}|\d{4})(?<part>A|B|C|D|E)(?:$|[_.\-])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    private static readonly Regex s_month = new(
        @"(?<y>(19|20)\d{2})[_\-]?(?<m>0[1-9]|1[0-2])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromSeconds(1));

    /// <summary>
    /// Recognizes the table a file belongs to from its file name (without folders).
    /// Returns null when the name matches no catalogue table.
    /// </summary>
    public static SndsFileName? TryParse(string fileName, SndsCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(catalogue);
        var stem = StripExtensions(Path.GetFileName(fileName));

        var pmsi = s_pmsi.Match(stem);
        if (pmsi.Success)
        {
            var yy = int.Parse(pmsi.Groups["yy"].Value, CultureInfo.InvariantCulture);
            var year = yy < 100 ? 2000 + yy : yy;
            var name = "T_MCOaa" + pmsi.Groups["part"].Value.ToUpperInvariant();
            return catalogue.TryGetTable(name, out var t)
                ? new SndsFileName(t, year.ToString(CultureInfo.InvariantCulture), year)
                : null;
        }

        // Longest matching table name first, so that a prefix never shadows a longer name.
        foreach (var table in catalogue.TablesByNameLength)
        {
            if (table.Partitioning == SndsPartitioning.Year ||
                !stem.StartsWith(table.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = stem[table.Name.Length..];
            if (rest.Length > 0 && rest[0] is not ('_' or '-' or '.'))
            {
                continue;
            }

            var month = s_month.Match(rest);
            if (table.Partitioning == SndsPartitioning.FluxMonth && month.Success)
            {
                var y = int.Parse(month.Groups["y"].Value, CultureInfo.InvariantCulture);
                return new SndsFileName(table, $"{y:D4}-{month.Groups["m"].Value}", y);
            }

            return new SndsFileName(table, null, null);
        }

        return null;
    }

    private static string StripExtensions(string name)
    {
        foreach (var ext in (ReadOnlySpan<string>)[".csv.gz", ".csv", ".parquet", ".arrow", ".feather", ".ipc"])
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^ext.Length];
            }
        }

        return name;
    }
}
