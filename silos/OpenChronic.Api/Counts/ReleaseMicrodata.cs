using System.Collections.Immutable;
using System.Text.Json;
using OpenChronic.Api.Releases;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Api.Counts;

/// <summary>
/// The part of a published release the counts endpoint may query: the generalized quasi-identifier columns that
/// <c>release.json</c> names (<c>generalization[].attribute</c>) and that the microdata carries, one row per
/// published person (the per-release <c>pseudonym</c> column is the privacy unit; it never leaves this class).
/// </summary>
internal sealed class ReleaseMicrodata
{
    private const string MicrodataFile = "microdata.csv";
    private const string PersonColumn = "pseudonym";
    private readonly string[] _header;
    private readonly List<string[]> _rows;

    private ReleaseMicrodata(ImmutableArray<string> dimensions, string[] header, List<string[]> rows)
    {
        Dimensions = dimensions;
        _header = header;
        _rows = rows;
    }

    /// <summary>The dimensions a query may use, in the manifest's order.</summary>
    public ImmutableArray<string> Dimensions { get; }

    /// <summary>Loads a release's queryable microdata, or null with the reason when it has none.</summary>
    public static ReleaseMicrodata? Load(string releaseDirectory, out string reason)
    {
        reason = "";
        if (!ReleaseCatalog.ListedFiles(releaseDirectory).Contains(MicrodataFile, StringComparer.Ordinal))
        {
            reason = "the release publishes no microdata table to count on";
            return null;
        }

        var (header, rows) = TableFormats.ReadCsv(Path.Combine(releaseDirectory, MicrodataFile));
        var attributes = GeneralizedAttributes(releaseDirectory);
        var dimensions = attributes.Where(a => a != PersonColumn && Array.IndexOf(header, a) >= 0).ToImmutableArray();
        return new ReleaseMicrodata(dimensions, header, rows);
    }

    /// <summary>Per requested dimension, the distinct values the published microdata shows (public: the table is published).</summary>
    public ImmutableArray<ImmutableArray<string>> Domains(ImmutableArray<string> dimensions) =>
        [.. dimensions.Select(d => Column(d)).Select(c => _rows.Select(r => r[c]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray())];

    /// <summary>One row per published person with the values of the requested dimensions.</summary>
    public IEnumerable<MemberRow> Rows(ImmutableArray<string> dimensions)
    {
        var columns = dimensions.Select(Column).ToArray();
        var person = Array.IndexOf(_header, PersonColumn);
        for (var i = 0; i < _rows.Count; i++)
        {
            var row = _rows[i];
            var id = person >= 0 ? row[person] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return new MemberRow(id, [.. columns.Select(c => row[c])]);
        }
    }

    private int Column(string dimension) => Array.IndexOf(_header, dimension);

    private static List<string> GeneralizedAttributes(string releaseDirectory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(releaseDirectory, ReleaseCatalog.ManifestName)));
        var attributes = new List<string>();
        if (manifest.RootElement.ValueKind != JsonValueKind.Object)
        {
            return attributes;
        }

        foreach (var property in manifest.RootElement.EnumerateObject())
        {
            if (!string.Equals(property.Name, "generalization", StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var level in property.Value.EnumerateArray())
            {
                if (level.ValueKind == JsonValueKind.Object)
                {
                    foreach (var p in level.EnumerateObject())
                    {
                        if (string.Equals(p.Name, "attribute", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                        {
                            attributes.Add(p.Value.GetString()!);
                        }
                    }
                }
            }
        }

        return attributes;
    }
}
