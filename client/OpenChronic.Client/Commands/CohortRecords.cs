using System.Collections.Immutable;
using System.Text.Json;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Releases;
using OpenChronic.Grains;

namespace OpenChronic.Client.Commands;

/// <summary>
/// The analyst-side record of a cohort, <c>&lt;out&gt;/&lt;cohort&gt;/cohort.json</c>: definition and attrition table
/// (exact counts: not a publication; the publishable parts are the release directories <c>&lt;n&gt;/</c>).
/// </summary>
internal sealed record CohortRecord(string Name, string Label, string Definition, string Database, long Persons, ImmutableArray<AttritionStepWire> Attrition);

/// <summary>Reads and writes cohort records and the manifests of recorded releases under a releases root.</summary>
internal static class CohortRecords
{
    public const string FileName = "cohort.json";

    public static string PathOf(string root, string cohort) => Path.Combine(root, cohort, FileName);

    public static void Write(string root, CohortRecord record)
    {
        Directory.CreateDirectory(Path.Combine(root, record.Name));
        File.WriteAllText(PathOf(root, record.Name), JsonSerializer.Serialize(record, ReleasePolicy.JsonOptions));
    }

    /// <summary>The record of a cohort, or null with the reason when it is missing or unreadable.</summary>
    public static (CohortRecord? Record, string? Error) Read(string root, string cohort)
    {
        var path = PathOf(root, cohort);
        if (!File.Exists(path))
        {
            return (null, $"no cohort '{cohort}' under {root} (run cohort create first)");
        }

        try
        {
            return JsonSerializer.Deserialize<CohortRecord>(File.ReadAllText(path), ReleasePolicy.JsonOptions) is { } record
                ? (record, null)
                : (null, $"{path} is empty");
        }
        catch (JsonException e)
        {
            return (null, $"{path}: not a cohort record ({e.Message})");
        }
    }

    /// <summary>The cohorts recorded under <paramref name="root"/>, by name.</summary>
    public static IEnumerable<string> Names(string root) => Directory.Exists(root)
        ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, FileName))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
        : [];

    /// <summary>The releases of a cohort (directories <c>&lt;n&gt;/</c> with a readable manifest), by number.</summary>
    public static ImmutableArray<ReleaseSummary> Releases(string root, string cohort)
    {
        var dir = Path.Combine(root, cohort);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var releases = ImmutableArray.CreateBuilder<ReleaseSummary>();
        foreach (var sub in Directory.GetDirectories(dir))
        {
            var manifest = Path.Combine(sub, ReleaseManifest.FileName);
            if (!int.TryParse(Path.GetFileName(sub), out var number) || !File.Exists(manifest))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<ReleaseManifest>(File.ReadAllText(manifest), ReleasePolicy.JsonOptions) is { } m)
                {
                    releases.Add(new ReleaseSummary(number, sub, m.Policy.Name, m.Created, m.PublishedRecords, m.SuppressedRecords, m.Achieved.K));
                }
            }
            catch (JsonException)
            {
                // an unreadable manifest is not a release; verify-release reports it
            }
        }

        return [.. releases.OrderBy(r => r.Number)];
    }

    /// <summary>A definition given as a file path, or the name of an embedded example (diabetes, heart_failure, coronary).</summary>
    public static string? DefinitionText(string fileOrName) =>
        File.Exists(fileOrName) ? File.ReadAllText(fileOrName) : CohortLibrary.Text(fileOrName);

    /// <summary>A policy given as a file path, or <c>default</c> for the embedded default policy.</summary>
    public static string? PolicyText(string? fileOrDefault) =>
        fileOrDefault is null or "default" ? ReleasePolicy.DefaultText : File.Exists(fileOrDefault) ? File.ReadAllText(fileOrDefault) : null;
}
