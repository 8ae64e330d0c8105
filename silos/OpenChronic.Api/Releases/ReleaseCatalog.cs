using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenChronic.Api.Releases;

/// <summary>
/// The published releases as the API sees them: <c>&lt;root&gt;/&lt;cohort&gt;/&lt;n&gt;/release.json</c> plus the files
/// that manifest lists. Names are checked against strict patterns before touching the file system, and a file is
/// served only when the release's manifest lists it, so no request can reach outside a release.
/// </summary>
public sealed partial class ReleaseCatalog(string root)
{
    public const string ManifestName = "release.json";

    /// <summary>Cohorts that have at least one release.</summary>
    public IReadOnlyList<string> Cohorts()
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>()
            .Where(name => CohortName().IsMatch(name) && Releases(name).Count > 0).Order(StringComparer.Ordinal)];
    }

    /// <summary>Release numbers of a cohort, ascending.</summary>
    public IReadOnlyList<int> Releases(string cohort)
    {
        var dir = Path.Combine(root, cohort);
        if (!CohortName().IsMatch(cohort) || !Directory.Exists(dir))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(dir).Select(Path.GetFileName).OfType<string>()
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .Where(n => n > 0 && File.Exists(Path.Combine(dir, n.ToString(CultureInfo.InvariantCulture), ManifestName))).Order()];
    }

    /// <summary>The folder of a release, or null when it does not exist.</summary>
    public string? ReleaseDirectory(string cohort, int release)
    {
        if (!CohortName().IsMatch(cohort) || release <= 0)
        {
            return null;
        }

        var dir = Path.Combine(root, cohort, release.ToString(CultureInfo.InvariantCulture));
        return File.Exists(Path.Combine(dir, ManifestName)) ? dir : null;
    }

    /// <summary>The files a release's manifest lists (relative paths).</summary>
    public static IReadOnlyList<string> ListedFiles(string releaseDirectory)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(releaseDirectory, ManifestName)));
        var files = Property(manifest.RootElement, "files");
        if (files is not { ValueKind: JsonValueKind.Array } list)
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetString() : Property(f, "path")?.GetString())
            .OfType<string>()];
    }

    /// <summary>True for a cohort name the API accepts (letters, digits, '-', '_', at most 64).</summary>
    public static bool IsCohortName(string name) => CohortName().IsMatch(name);

    /// <summary>True for a file name the API accepts (no folder, no '..').</summary>
    public static bool IsFileName(string name) => FileName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CohortName();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex FileName();
}
