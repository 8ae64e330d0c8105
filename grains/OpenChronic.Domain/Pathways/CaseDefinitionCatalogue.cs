using System.Collections.Immutable;
using System.Text.Json;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// The declarative case-definition catalogue (JSON): the default one is embedded (<c>Pathways/conditions.json</c>);
/// analysts may load their own. Errors name the JSON path of the offending element.
/// </summary>
public sealed class CaseDefinitionCatalogue
{
    private static readonly Lazy<CaseDefinitionCatalogue> s_default = new(() =>
    {
        using var stream = typeof(CaseDefinitionCatalogue).Assembly
            .GetManifestResourceStream("OpenChronic.Pathways.conditions.json")!;
        return Parse(stream);
    });

    public CaseDefinitionCatalogue(ImmutableArray<CaseDefinition> conditions)
    {
        var duplicate = conditions.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Condition '{duplicate.Key}' is defined twice.", nameof(conditions));
        }

        Conditions = conditions;
    }

    public static CaseDefinitionCatalogue Default => s_default.Value;

    /// <summary>The conditions, in catalogue order.</summary>
    public ImmutableArray<CaseDefinition> Conditions { get; }

    /// <summary>Reads a catalogue; throws <see cref="InvalidDataException"/> naming the JSON path of a bad element.</summary>
    public static CaseDefinitionCatalogue Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Case definitions: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("conditions", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("Case definitions: $.conditions must be an array.");
            }

            var conditions = ImmutableArray.CreateBuilder<CaseDefinition>();
            var i = 0;
            foreach (var c in list.EnumerateArray())
            {
                conditions.Add(ParseCondition(c, $"$.conditions[{i++}]"));
            }

            return new CaseDefinitionCatalogue(conditions.ToImmutable());
        }
    }

    private static CaseDefinition ParseCondition(JsonElement c, string path)
    {
        var id = RequiredString(c, "id", path);
        var label = c.TryGetProperty("label", out var l) ? l.GetString() ?? id : id;
        AldRule? ald = null;
        if (Present(c, "ald", out var a))
        {
            ald = new AldRule(Ints(a, "numbers", $"{path}.ald"), Codes(a, "icd", $"{path}.ald"));
        }

        var hospital = ImmutableArray.CreateBuilder<DiagnosisRule>();
        if (Present(c, "hospital", out var h))
        {
            var j = 0;
            foreach (var rule in h.EnumerateArray())
            {
                var rpath = $"{path}.hospital[{j++}]";
                hospital.Add(new DiagnosisRule(Codes(rule, "icd", rpath), Codes(rule, "exclude", rpath),
                    Positions(rule, rpath), Int(rule, "lookbackYears", rpath, 0)));
            }
        }

        DrugRule? drugs = null;
        if (Present(c, "drugs", out var d))
        {
            var min = Int(d, "minDates", $"{path}.drugs", 1);
            drugs = new DrugRule(Codes(d, "atc", $"{path}.drugs"), min, Int(d, "minDatesWithLargePack", $"{path}.drugs", min));
        }

        ActRule? acts = null;
        if (Present(c, "acts", out var ac))
        {
            acts = new ActRule(Codes(ac, "ccam", $"{path}.acts"), Int(ac, "lookbackYears", $"{path}.acts", 0));
        }

        var treatment = Present(c, "treatment", out var t) ? Codes(t, "atc", $"{path}.treatment") : [];
        return new CaseDefinition(id, label, ald, hospital.ToImmutable(), drugs, acts, treatment);
    }

    private static bool Present(JsonElement e, string name, out JsonElement value) =>
        e.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string RequiredString(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException($"Case definitions: {path}.{name} must be a non-empty string.");

    private static int Int(JsonElement e, string name, string path, int fallback)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0
            ? n
            : throw new InvalidDataException($"Case definitions: {path}.{name} must be a whole number >= 0.");
    }

    private static ImmutableArray<int> Ints(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Case definitions: {path}.{name} must be an array of numbers.");
        }

        return [.. v.EnumerateArray().Select((x, i) => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out var n)
            ? n
            : throw new InvalidDataException($"Case definitions: {path}.{name}[{i}] must be a whole number."))];
    }

    private static ImmutableArray<string> Codes(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Case definitions: {path}.{name} must be an array of codes.");
        }

        return [.. v.EnumerateArray().Select((x, i) => x.ValueKind == JsonValueKind.String && x.GetString() is { Length: > 0 } s
            ? ClinicalCodes.Normalize(s)
            : throw new InvalidDataException($"Case definitions: {path}.{name}[{i}] must be a non-empty code."))];
    }

    private static DiagnosisPosition Positions(JsonElement rule, string path)
    {
        var positions = DiagnosisPosition.None;
        foreach (var p in Codes(rule, "positions", path))
        {
            positions |= p switch
            {
                "DP" => DiagnosisPosition.Principal,
                "DR" => DiagnosisPosition.Related,
                "DAS" => DiagnosisPosition.Associated,
                _ => throw new InvalidDataException($"Case definitions: {path}.positions: unknown position '{p}' (DP, DR or DAS)."),
            };
        }

        return positions == DiagnosisPosition.None
            ? DiagnosisPosition.Principal | DiagnosisPosition.Related
            : positions;
    }
}
