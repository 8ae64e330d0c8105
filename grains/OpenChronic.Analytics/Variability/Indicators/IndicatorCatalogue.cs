using System.Collections.Immutable;
using System.Text.Json;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>
/// The declarative indicator catalogue (JSON): the default one is embedded (<c>Variability/Indicators/indicators.json</c>);
/// analysts may load their own. Errors name the JSON path of the offending element.
/// </summary>
public sealed class IndicatorCatalogue
{
    private static readonly Lazy<IndicatorCatalogue> s_default = new(() =>
    {
        using var stream = typeof(IndicatorCatalogue).Assembly.GetManifestResourceStream("OpenChronic.Variability.indicators.json")!;
        return Parse(stream);
    });

    public IndicatorCatalogue(ImmutableArray<IndicatorDefinition> indicators)
    {
        var duplicate = indicators.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Indicator '{duplicate.Key}' is defined twice.", nameof(indicators));
        }

        Indicators = indicators;
    }

    public static IndicatorCatalogue Default => s_default.Value;

    public ImmutableArray<IndicatorDefinition> Indicators { get; }

    /// <summary>The indicator with this id, or null.</summary>
    public IndicatorDefinition? Find(string id) => Indicators.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));

    /// <summary>The name of a level on the command line and in files: departement, establishment, gp.</summary>
    public static string LevelName(UnitLevel level) => level switch
    {
        UnitLevel.Departement => "departement",
        UnitLevel.Establishment => "establishment",
        _ => "gp",
    };

    public static bool TryParseLevel(string? text, out UnitLevel level)
    {
        (var ok, level) = text switch
        {
            "departement" => (true, UnitLevel.Departement),
            "establishment" => (true, UnitLevel.Establishment),
            "gp" => (true, UnitLevel.Gp),
            _ => (false, UnitLevel.Departement),
        };
        return ok;
    }

    /// <summary>Reads a catalogue; throws <see cref="InvalidDataException"/> naming the JSON path of a bad element.</summary>
    public static IndicatorCatalogue Parse(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Indicators: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("indicators", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("Indicators: $.indicators must be an array.");
            }

            var indicators = ImmutableArray.CreateBuilder<IndicatorDefinition>();
            var i = 0;
            foreach (var e in list.EnumerateArray())
            {
                indicators.Add(ParseIndicator(e, $"$.indicators[{i++}]"));
            }

            return new IndicatorCatalogue(indicators.ToImmutable());
        }
    }

    private static IndicatorDefinition ParseIndicator(JsonElement e, string path)
    {
        var id = RequiredString(e, "id", path);
        var label = e.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() ?? id : id;
        var index = RequiredString(e, "index", path) switch
        {
            "patient" => IndicatorIndex.Patient,
            "stay" => IndicatorIndex.Stay,
            var other => throw new InvalidDataException($"Indicators: {path}.index: unknown index '{other}' (patient or stay)."),
        };
        var population = ParsePopulation(Required(e, "population", path), $"{path}.population", index);
        var outcome = ParseOutcome(Required(e, "outcome", path), $"{path}.outcome", index);
        var units = Strings(e, "units", path).Select(u => TryParseLevel(u, out var level)
            ? level
            : throw new InvalidDataException($"Indicators: {path}.units: unknown unit '{u}' (departement, establishment or gp).")).ToImmutableArray();
        if (units.IsEmpty)
        {
            throw new InvalidDataException($"Indicators: {path}.units must name at least one unit.");
        }

        if (index == IndicatorIndex.Patient && units.Contains(UnitLevel.Establishment))
        {
            throw new InvalidDataException($"Indicators: {path}.units: a patient-index indicator has no establishment.");
        }

        return new IndicatorDefinition(id, label, index, population, outcome, units);
    }

    private static PopulationRule ParsePopulation(JsonElement p, string path, IndicatorIndex index)
    {
        var conditions = Strings(p, "conditions", path);
        if (index == IndicatorIndex.Patient && conditions.IsEmpty)
        {
            throw new InvalidDataException($"Indicators: {path}.conditions must name at least one condition for a patient index.");
        }

        var positions = DiagnosisPosition.None;
        foreach (var s in Strings(p, "positions", path))
        {
            positions |= s switch
            {
                "DP" => DiagnosisPosition.Principal,
                "DR" => DiagnosisPosition.Related,
                "DAS" => DiagnosisPosition.Associated,
                _ => throw new InvalidDataException($"Indicators: {path}.positions: unknown position '{s}' (DP, DR or DAS)."),
            };
        }

        return new PopulationRule(conditions, Codes(p, "diagnoses", path),
            positions == DiagnosisPosition.None ? DiagnosisPosition.Principal | DiagnosisPosition.Related : positions,
            Codes(p, "excludeGhm", path), Int(p, "minAge", path, 0), Bool(p, "aliveAllYear", path), Bool(p, "excludeDeathInFollowUp", path));
    }

    private static OutcomeRule ParseOutcome(JsonElement o, string path, IndicatorIndex index)
    {
        var any = Required(o, "anyOf", path);
        if (any.ValueKind != JsonValueKind.Array || any.GetArrayLength() == 0)
        {
            throw new InvalidDataException($"Indicators: {path}.anyOf must be a non-empty array of event rules.");
        }

        var rules = ImmutableArray.CreateBuilder<EventRule>();
        var i = 0;
        foreach (var r in any.EnumerateArray())
        {
            rules.Add(ParseEventRule(r, $"{path}.anyOf[{i++}]"));
        }

        var years = Int(o, "years", path, 1);
        int from = Int(o, "from", path, 0), to = Int(o, "to", path, 0);
        if (index == IndicatorIndex.Patient && years < 1)
        {
            throw new InvalidDataException($"Indicators: {path}.years must be at least 1.");
        }

        if (index == IndicatorIndex.Stay && (to < from || to < 1))
        {
            throw new InvalidDataException($"Indicators: {path}: a stay outcome needs a window 'from' <= 'to', 'to' >= 1 (days after discharge).");
        }

        return new OutcomeRule(rules.ToImmutable(), Math.Max(1, Int(o, "minDistinctDays", path, 1)), years, from, to);
    }

    private static EventRule ParseEventRule(JsonElement r, string path)
    {
        var kind = RequiredString(r, "kind", path) switch
        {
            "biology" => CareEventKind.Biology,
            "consultation" => CareEventKind.Consultation,
            "act" => CareEventKind.Act,
            "dispensation" => CareEventKind.Dispensation,
            "hospital_stay" => CareEventKind.HospitalStay,
            var other => throw new InvalidDataException(
                $"Indicators: {path}.kind: unknown event kind '{other}' (biology, consultation, act, dispensation, hospital_stay)."),
        };
        var specialties = r.TryGetProperty("specialties", out var s) && s.ValueKind != JsonValueKind.Null
            ? s.ValueKind == JsonValueKind.Array
                ? [.. s.EnumerateArray().Select((x, i) => x.ValueKind == JsonValueKind.Number && x.TryGetInt16(out var n) && n >= 0
                    ? n
                    : throw new InvalidDataException($"Indicators: {path}.specialties[{i}] must be a specialty code (PSE_SPE_COD)."))]
                : throw new InvalidDataException($"Indicators: {path}.specialties must be an array of numbers.")
            : ImmutableArray<short>.Empty;
        return new EventRule(kind, Codes(r, "codes", path), Codes(r, "excludeCodes", path), specialties, Bool(r, "community", path));
    }

    private static JsonElement Required(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v
            : throw new InvalidDataException($"Indicators: {path}.{name} is required.");

    private static string RequiredString(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException($"Indicators: {path}.{name} must be a non-empty string.");

    private static int Int(JsonElement e, string name, string path, int fallback)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return fallback;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0
            ? n
            : throw new InvalidDataException($"Indicators: {path}.{name} must be a whole number >= 0.");
    }

    private static bool Bool(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new InvalidDataException($"Indicators: {path}.{name} must be true or false."),
        };

    private static ImmutableArray<string> Strings(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"Indicators: {path}.{name} must be an array of strings.");
        }

        return [.. v.EnumerateArray().Select((x, i) => x.ValueKind == JsonValueKind.String && x.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException($"Indicators: {path}.{name}[{i}] must be a non-empty string."))];
    }

    private static ImmutableArray<string> Codes(JsonElement e, string name, string path) =>
        [.. Strings(e, name, path).Select(c => PackedCode.TryPack(ClinicalCodes.Normalize(c), out _) && c.Length <= PackedCode.MaxLength
            ? ClinicalCodes.Normalize(c)
            : throw new InvalidDataException($"Indicators: {path}.{name}: '{c}' is not a code of at most {PackedCode.MaxLength} characters."))];
}
