using System.Text.Json;
using System.Text.Json.Serialization;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// The privacy policy a cohort release must meet (JSON, docs/cohorts.md; the embedded default is
/// <c>Releases/default-policy.json</c>): the published quasi-identifiers and their hierarchies, the published
/// sensitive attributes, k (distinct persons per class), l-diversity on one sensitive attribute, k^m-anonymity of
/// each person's set of pathway codes, the suppression limit and the minimum cell size of aggregate tables.
/// </summary>
public sealed record ReleasePolicy
{
    /// <summary>Lowest accepted k: a class of one person is an identified record.</summary>
    public const int MinimumK = 2;

    /// <summary>Lowest accepted cell size: the SNDS / CASD small-count rule.</summary>
    public const int MinimumCellSize = 11;

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name { get; init; } = "policy";

    /// <summary>Minimum number of distinct persons in every published equivalence class.</summary>
    public int K { get; init; } = 5;

    /// <summary>Largest fraction of the cohort's persons that may be withheld from the microdata.</summary>
    public double SuppressionLimit { get; init; }

    /// <summary>Published quasi-identifiers: attribute (<c>age</c>, <c>sex</c>, <c>territory</c>, <c>index_date</c>) and hierarchy.</summary>
    public IReadOnlyList<QuasiIdentifierSpec> QuasiIdentifiers { get; init; } = [];

    /// <summary>Published sensitive attributes (<c>comorbidities</c>, <c>hospital_episodes</c>, <c>deceased</c>).</summary>
    public IReadOnlyList<string> Sensitive { get; init; } = [];

    /// <summary>l-diversity on one of the sensitive attributes, or null.</summary>
    public LDiversitySpec? LDiversity { get; init; }

    /// <summary>k^m-anonymity of the pathway codes, or null to publish no pathway column.</summary>
    public KmSpec? Km { get; init; }

    /// <summary>Smallest count an aggregate cell may show (smaller non-zero counts are hidden, with complementary cells).</summary>
    public int MinCellSize { get; init; } = MinimumCellSize;

    /// <summary>Information-loss metric the optimal generalization minimizes: <c>loss</c>, <c>entropy</c>, <c>discernibility</c>, <c>aecs</c> or <c>precision</c>.</summary>
    public string Metric { get; init; } = "loss";

    [JsonIgnore]
    public InformationLossMetric LossMetric => Metric switch
    {
        "entropy" => InformationLossMetric.NonUniformEntropy,
        "discernibility" => InformationLossMetric.Discernibility,
        "aecs" => InformationLossMetric.AverageClassSize,
        "precision" => InformationLossMetric.Precision,
        _ => InformationLossMetric.Loss,
    };

    /// <summary>The policy in the terms of the anonymization algorithms.</summary>
    public AnonymizationPolicy ToAnonymizationPolicy() =>
        new(K, SuppressionLimit, LDiversity?.Distinct, LDiversity?.Entropy);

    /// <summary>What is wrong with the policy (empty when it can be applied).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (K < MinimumK)
        {
            problems.Add($"k = {K} is below the floor of {MinimumK}");
        }

        if (!(SuppressionLimit is >= 0 and <= 1))
        {
            problems.Add("suppressionLimit must be a fraction in [0, 1]");
        }

        if (MinCellSize < MinimumCellSize)
        {
            problems.Add($"minCellSize = {MinCellSize} is below the SNDS floor of {MinimumCellSize}");
        }

        if (QuasiIdentifiers.Count == 0)
        {
            problems.Add("at least one quasi-identifier is needed");
        }

        foreach (var q in QuasiIdentifiers)
        {
            if (MemberAttributes.HierarchyOf(q.Attribute) is not { } expected)
            {
                problems.Add($"'{q.Attribute}' is not a quasi-identifier of cohort members ({string.Join(", ", MemberAttributes.QuasiIdentifiers)})");
            }
            else if (q.Hierarchy != expected)
            {
                problems.Add($"'{q.Attribute}' generalizes along the '{expected}' hierarchy, not '{q.Hierarchy}'");
            }
        }

        if (QuasiIdentifiers.Select(q => q.Attribute).Distinct(StringComparer.Ordinal).Count() != QuasiIdentifiers.Count)
        {
            problems.Add("a quasi-identifier is listed twice");
        }

        problems.AddRange(Sensitive.Where(s => !MemberAttributes.SensitiveAttributes.Contains(s))
            .Select(s => $"'{s}' is not a sensitive attribute of cohort members ({string.Join(", ", MemberAttributes.SensitiveAttributes)})"));
        if (LDiversity is { } l)
        {
            if (!Sensitive.Contains(l.Attribute))
            {
                problems.Add($"lDiversity.attribute '{l.Attribute}' must be one of the published sensitive attributes");
            }

            if (l.Distinct is < 1 || l.Entropy is < 1 || (l.Distinct is null && l.Entropy is null))
            {
                problems.Add("lDiversity needs distinct >= 1 and/or entropy >= 1");
            }
        }

        if (Km is { } km && (km.K < MinimumK || km.M is < 1 or > 4 || km.MaxLevel is < 0 or > CodeHierarchy.TopLevel))
        {
            problems.Add($"km needs k >= {MinimumK}, m in 1..4 and maxLevel in 0..{CodeHierarchy.TopLevel}");
        }

        if (Metric is not ("loss" or "entropy" or "discernibility" or "aecs" or "precision"))
        {
            problems.Add($"metric '{Metric}' is not loss, entropy, discernibility, aecs or precision");
        }

        return problems;
    }

    /// <summary>Reads a policy; the error names the JSON path or the rule broken.</summary>
    public static (ReleasePolicy? Policy, string? Error) Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var policy = JsonSerializer.Deserialize<ReleasePolicy>(json, JsonOptions);
            if (policy is null)
            {
                return (null, "the policy is null");
            }

            var problems = policy.Validate();
            return problems.Count == 0 ? (policy, null) : (null, string.Join("; ", problems));
        }
        catch (JsonException e)
        {
            return (null, $"not a valid policy at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }
    }

    /// <summary>The embedded default policy.</summary>
    public static ReleasePolicy Default { get; } = Parse(DefaultText).Policy!;

    /// <summary>The JSON text of the embedded default policy.</summary>
    public static string DefaultText
    {
        get
        {
            using var stream = typeof(ReleasePolicy).Assembly.GetManifestResourceStream("OpenChronic.Releases.default-policy.json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}

/// <summary>A published quasi-identifier and the hierarchy it generalizes along.</summary>
public sealed record QuasiIdentifierSpec(string Attribute, string Hierarchy);

/// <summary>l-diversity of one sensitive attribute: at least <see cref="Distinct"/> distinct values and/or an entropy of at least log(<see cref="Entropy"/>) in every class.</summary>
public sealed record LDiversitySpec(string Attribute, int? Distinct, double? Entropy);

/// <summary>k^m-anonymity of each person's set of pathway codes: every combination of up to <see cref="M"/> published codes is held by at least <see cref="K"/> persons; codes generalize up to <see cref="MaxLevel"/> before being suppressed.</summary>
public sealed record KmSpec(int K, int M, int MaxLevel);
