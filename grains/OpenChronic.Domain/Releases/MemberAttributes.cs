using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// The attributes of a cohort member row as published text, and the generalization hierarchy of each
/// quasi-identifier: <c>age</c> (year → 5 → 10 → 20-year band → *), <c>sex</c> (flat: value → *), <c>territory</c>
/// (département + commune → département → région → France → *) and <c>index_date</c> (day → month → quarter → year → *).
/// </summary>
public static class MemberAttributes
{
    /// <summary>Oldest age published as such; older ages are shown as this value.</summary>
    public const int MaxAge = 120;

    private static readonly ImmutableDictionary<string, string> s_hierarchies = new Dictionary<string, string>
    {
        ["age"] = "age",
        ["sex"] = "flat",
        ["territory"] = "geography",
        ["index_date"] = "dates",
    }.ToImmutableDictionary();

    public static ImmutableArray<string> QuasiIdentifiers { get; } = ["age", "sex", "territory", "index_date"];

    public static ImmutableArray<string> SensitiveAttributes { get; } = ["comorbidities", "hospital_episodes", "deceased"];

    /// <summary>The hierarchy a quasi-identifier generalizes along, or null when the name is not one.</summary>
    public static string? HierarchyOf(string attribute) => s_hierarchies.GetValueOrDefault(attribute);

    /// <summary>The text of an attribute of a member (leaf value for quasi-identifiers).</summary>
    public static string Value(CohortMember member, string attribute)
    {
        ArgumentNullException.ThrowIfNull(member);
        return attribute switch
        {
            "age" => Math.Clamp(member.Age, 0, MaxAge).ToString(CultureInfo.InvariantCulture),
            "sex" => member.Sex.ToString(CultureInfo.InvariantCulture),
            "territory" => member.Departement + member.Commune,
            "index_date" => member.IndexDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "comorbidities" => member.Comorbidities,
            "hospital_episodes" => member.HospitalEpisodes switch { 0 => "0", 1 => "1", _ => "2+" },
            "deceased" => member.Deceased ? "yes" : "no",
            _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "not an attribute of cohort members"),
        };
    }

    /// <summary>The hierarchy of quasi-identifier <paramref name="attribute"/> over the members' values.</summary>
    public static GeneralizationHierarchy Hierarchy(string attribute, IReadOnlyList<CohortMember> members, Func<string, string?> regionOf)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(regionOf);
        switch (attribute)
        {
            case "age":
                return HierarchyBuilders.Age(MaxAge);
            case "index_date":
                var first = members.Min(m => m.IndexDate);
                var last = members.Max(m => m.IndexDate);
                return HierarchyBuilders.Dates(first, last);
            case "sex":
                return Require(HierarchyBuilders.FromFunctions(members.Select(m => Value(m, "sex")).Order(StringComparer.Ordinal), "sex"));
            case "territory":
                var departementOf = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var m in members)
                {
                    departementOf.TryAdd(m.Departement + m.Commune, m.Departement);
                }

                return Require(HierarchyBuilders.FromFunctions(departementOf.Keys.Order(StringComparer.Ordinal), "territory",
                    t => departementOf[t],
                    t => regionOf(departementOf[t]) is { } r ? "R" + r : "Runknown",
                    _ => "France"));
            default:
                throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "not a quasi-identifier of cohort members");
        }
    }

    private static GeneralizationHierarchy Require(HierarchyParseResult result) =>
        result.Hierarchy ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
}
