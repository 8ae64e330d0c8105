using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Cohorts;

/// <summary>A parsed cohort definition, or the located reason (JSON path) why the text is not one.</summary>
public sealed record CohortDefinitionParseResult(CohortDefinition? Definition, string? Error)
{
    public bool Success => Definition is not null;
}

/// <summary>
/// Reads cohort definitions (JSON, format in docs/cohorts.md). Condition ids are checked against the case-definition
/// catalogue; a bad element is reported with its JSON path, never thrown.
/// </summary>
public static class CohortDefinitionParser
{
    private static readonly JsonDocumentOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] s_kinds = ["condition", "ald", "icd10", "atc", "ccam", "age", "sex", "departements", "regions", "alive"];

    public static CohortDefinitionParseResult Parse(string json, CaseDefinitionCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        catalogue ??= CaseDefinitionCatalogue.Default;
        try
        {
            using var doc = JsonDocument.Parse(json, s_options);
            return new CohortDefinitionParseResult(Read(doc.RootElement, catalogue, json), null);
        }
        catch (JsonException e)
        {
            return new CohortDefinitionParseResult(null, $"not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        catch (InvalidDataException e)
        {
            return new CohortDefinitionParseResult(null, e.Message);
        }
    }

    private static CohortDefinition Read(JsonElement root, CaseDefinitionCatalogue catalogue, string source)
    {
        Require(root.ValueKind == JsonValueKind.Object, "$", "must be an object");
        var name = String(root, "name", "$") ?? throw Error("$.name", "is required");
        Require(name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'), "$.name", "may hold only letters, digits, '-' and '_'");
        var label = String(root, "label", "$") ?? name;
        Require(root.TryGetProperty("period", out var period) && period.ValueKind == JsonValueKind.Object, "$.period", "is required: { \"from\": date, \"to\": date }");
        var from = Date(period, "from", "$.period") ?? throw Error("$.period.from", "is required");
        var to = Date(period, "to", "$.period") ?? throw Error("$.period.to", "is required");
        Require(from <= to, "$.period", "from is after to");
        var followUp = Int(root, "followUpDays", "$") ?? 365;
        Require(followUp is >= 1 and <= 3660, "$.followUpDays", "must be 1..3660");

        var criteria = ImmutableArray.CreateBuilder<CohortCriterion>();
        if (root.TryGetProperty("criteria", out var list))
        {
            Require(list.ValueKind == JsonValueKind.Array, "$.criteria", "must be an array");
            var i = 0;
            foreach (var c in list.EnumerateArray())
            {
                criteria.Add(Criterion(c, $"$.criteria[{i++}]", from, to, catalogue));
            }
        }

        var index = Index(root, from, to, criteria);
        return new CohortDefinition(name, label, from, to, index, followUp, criteria.ToImmutable(), source);
    }

    private static CohortIndex Index(JsonElement root, DateOnly from, DateOnly to, ImmutableArray<CohortCriterion>.Builder criteria)
    {
        Require(root.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Object, "$.index", "is required: { \"rule\": ... }");
        var rule = String(index, "rule", "$.index");
        switch (rule)
        {
            case "firstAld":
                return new CohortIndex(IndexDateRule.FirstAld, Ints(index, "ald", "$.index"), 0);
            case "firstQualifyingEvent":
                Require(criteria.Any(c => !c.Exclude && c is ConditionCriterion or AldCriterion or CodeCriterion), "$.index.rule",
                    "firstQualifyingEvent needs an inclusion criterion on a condition, ALD or codes");
                return new CohortIndex(IndexDateRule.FirstQualifyingEvent, [], 0);
            case "yearStart":
                var year = Int(index, "year", "$.index") ?? from.Year;
                Require(year >= from.Year && year <= to.Year, "$.index.year", "must lie in the period");
                return new CohortIndex(IndexDateRule.YearStart, [], year);
            default:
                throw Error("$.index.rule", "must be firstAld, firstQualifyingEvent or yearStart");
        }
    }

    private static CohortCriterion Criterion(JsonElement c, string path, DateOnly from, DateOnly to, CaseDefinitionCatalogue catalogue)
    {
        Require(c.ValueKind == JsonValueKind.Object, path, "must be an object");
        var kinds = s_kinds.Where(k => c.TryGetProperty(k, out _)).ToList();
        var isTerritory = kinds.All(k => k is "departements" or "regions") && kinds.Count > 0;
        Require(kinds.Count == 1 || isTerritory, path, $"needs exactly one of {string.Join(", ", s_kinds)}");
        var exclude = c.TryGetProperty("exclude", out var ex) && ex.ValueKind == JsonValueKind.True;
        var name = String(c, "name", path) ?? kinds[0];
        var cFrom = Date(c, "from", path) ?? from;
        var cTo = Date(c, "to", path) ?? to;
        Require(cFrom <= cTo, path, "from is after to");
        if (isTerritory)
        {
            return new TerritoryCriterion(name, exclude, Strings(c, "departements", path), Strings(c, "regions", path));
        }

        switch (kinds[0])
        {
            case "condition":
                var id = String(c, "condition", path)!;
                Require(catalogue.Conditions.Any(d => d.Id == id), $"{path}.condition", $"'{id}' is not in the case-definition catalogue");
                var years = Ints(c, "years", path);
                return new ConditionCriterion(name, exclude, id, years.IsEmpty ? [.. Enumerable.Range(from.Year, to.Year - from.Year + 1)] : years);
            case "ald":
                return new AldCriterion(name, exclude, Ints(c, "ald", path), cFrom, cTo);
            case "icd10" or "atc" or "ccam":
                var system = kinds[0] switch { "icd10" => CodeSystem.Icd10, "atc" => CodeSystem.Atc, _ => CodeSystem.Ccam };
                var prefixes = Strings(c, kinds[0], path).Select(ClinicalCodes.Normalize).ToImmutableArray();
                Require(!prefixes.IsEmpty, $"{path}.{kinds[0]}", "needs at least one code prefix");
                var min = Int(c, "minEvents", path) ?? 1;
                Require(min >= 1, $"{path}.minEvents", "must be at least 1");
                return new CodeCriterion(name, exclude, system, prefixes, cFrom, cTo, min);
            case "age":
                var age = c.GetProperty("age");
                Require(age.ValueKind == JsonValueKind.Object, $"{path}.age", "must be { \"min\": n, \"max\": n }");
                int? lo = Int(age, "min", $"{path}.age"), hi = Int(age, "max", $"{path}.age");
                Require(lo is not null || hi is not null, $"{path}.age", "needs min or max");
                Require(lo is null || hi is null || lo <= hi, $"{path}.age", "min is above max");
                return new AgeCriterion(name, exclude, lo, hi);
            case "sex":
                var sex = Int(c, "sex", path);
                Require(sex is 1 or 2, $"{path}.sex", "must be 1 (man) or 2 (woman)");
                return new SexCriterion(name, exclude, (byte)sex!.Value);
            default:
                Require(c.GetProperty("alive").ValueKind == JsonValueKind.True, $"{path}.alive", "must be true");
                return new AliveCriterion(name, exclude);
        }
    }

    private static void Require(bool condition, string path, string reason)
    {
        if (!condition)
        {
            throw Error(path, reason);
        }
    }

    private static InvalidDataException Error(string path, string reason) => new($"{path} {reason}");

    private static string? String(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Require(v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 }, $"{path}.{name}", "must be a non-empty string");
        return v.GetString();
    }

    private static int? Int(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Require(v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out _), $"{path}.{name}", "must be a whole number");
        return v.GetInt32();
    }

    private static DateOnly? Date(JsonElement e, string name, string path)
    {
        if (String(e, name, path) is not { } text)
        {
            return null;
        }

        Require(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d), $"{path}.{name}", "must be a date yyyy-MM-dd");
        return d;
    }

    private static ImmutableArray<int> Ints(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        Require(v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out _)),
            $"{path}.{name}", "must be an array of whole numbers");
        return [.. v.EnumerateArray().Select(x => x.GetInt32())];
    }

    private static ImmutableArray<string> Strings(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        Require(v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String && x.GetString() is { Length: > 0 }),
            $"{path}.{name}", "must be an array of non-empty strings");
        return [.. v.EnumerateArray().Select(x => x.GetString()!)];
    }
}
