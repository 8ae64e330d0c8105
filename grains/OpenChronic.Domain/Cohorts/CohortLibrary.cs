using System.Collections.Immutable;

namespace OpenChronic.Domain.Cohorts;

/// <summary>
/// The example cohort definitions embedded in the library (<c>Cohorts/Definitions/*.json</c>): diabetes, heart
/// failure and chronic coronary disease, written over the catalogue's condition ids.
/// </summary>
public static class CohortLibrary
{
    private const string Prefix = "OpenChronic.Cohorts.Definitions.";

    /// <summary>Names of the embedded definitions.</summary>
    public static ImmutableArray<string> Names { get; } =
        [.. typeof(CohortLibrary).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".json".Length]).Order(StringComparer.Ordinal)];

    /// <summary>The JSON text of an embedded definition, or null when there is none of that name.</summary>
    public static string? Text(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        using var stream = typeof(CohortLibrary).Assembly.GetManifestResourceStream(Prefix + name + ".json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
