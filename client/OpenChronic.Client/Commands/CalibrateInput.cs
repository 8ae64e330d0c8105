using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Calibration;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Reads a microdata file for <c>calibrate</c>: a header line, one row per person, the quasi-identifiers named by
/// <c>--qi col:hierarchy</c> (hierarchy = age, commune, icd10, atc, flat, or the path of an ARX-style hierarchy file)
/// and optionally a condition-set column (codes separated by '|', ICD-10 hierarchy). Rows whose value is outside
/// its hierarchy, whose field count is wrong or whose person was already seen are rejected with line and column.
/// </summary>
internal static class CalibrateInput
{
    /// <summary>The table built from the accepted rows (null when reading is impossible) and the problems found.</summary>
    public sealed record Result(CalibrationInput? Input, ImmutableArray<string> Problems, int Rejected);

    public static Result Read(string path, IReadOnlyList<string> qiSpecs, string? conditionColumn, string? personColumn, char separator)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        if (!File.Exists(path))
        {
            problems.Add($"{path}: file not found");
            return new Result(null, problems.ToImmutable(), 0);
        }

        var specs = qiSpecs.Select(ParseSpec).ToList();
        var (header, distinct) = Scan(path, separator, [.. specs.Select(s => s.Column), .. conditionColumn is null ? [] : new[] { conditionColumn }]);
        if (header is null)
        {
            problems.Add($"{path} line 1: empty file, no header");
            return new Result(null, problems.ToImmutable(), 0);
        }

        var columns = new List<QuasiIdentifier>();
        foreach (var (column, kind) in specs)
        {
            if (!distinct.TryGetValue(column, out var values))
            {
                problems.Add($"{path} line 1 column {column}: column missing from the header");
                continue;
            }

            var built = Hierarchy(kind, values, column);
            if (built.Hierarchy is null)
            {
                problems.AddRange(built.Errors.Take(10).Select(e => e.ToString()));
                continue;
            }

            columns.Add(new QuasiIdentifier(column, built.Hierarchy));
        }

        if (problems.Count > 0 || columns.Count == 0)
        {
            return new Result(null, problems.ToImmutable(), 0);
        }

        using var stream = File.OpenRead(path);
        var parsed = QuasiIdentifierTable.Parse(stream, columns, personKey: personColumn, separator: separator, source: path);
        problems.AddRange(parsed.Rejects.Take(20).Select(r => r.ToString()));
        if (parsed.Table is not { } table || table.RowCount < 4)
        {
            problems.Add($"{path}: fewer than 4 accepted rows");
            return new Result(null, problems.ToImmutable(), parsed.Rejects.Length);
        }

        if (conditionColumn is null)
        {
            return new Result(new CalibrationInput(table), problems.ToImmutable(), parsed.Rejects.Length);
        }

        if (!distinct.TryGetValue(conditionColumn, out var setValues))
        {
            problems.Add($"{path} line 1 column {conditionColumn}: column missing from the header");
            return new Result(null, problems.ToImmutable(), parsed.Rejects.Length);
        }

        // Codes outside ICD-10 are left out of the hierarchy; KmAnonymizer then drops them from the sets.
        var codes = setValues.SelectMany(v => v.Split('|', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)
            .Where(c => c.Length >= 3 && Icd10Blocks.Chapter(c[..3]) is not null).Order(StringComparer.Ordinal).ToList();
        var hierarchy = HierarchyBuilders.Icd10(codes).Hierarchy;
        if (hierarchy is null || codes.Count == 0)
        {
            problems.Add($"{path} column {conditionColumn}: no ICD-10 code found");
            return new Result(null, problems.ToImmutable(), parsed.Rejects.Length);
        }

        var rejectedLines = parsed.Rejects.Select(r => r.Line).ToHashSet();
        var sets = ReadSets(path, separator, Array.IndexOf(header, conditionColumn), rejectedLines);
        return new Result(new CalibrationInput(table, sets, hierarchy), problems.ToImmutable(), parsed.Rejects.Length);
    }

    internal static (string Column, string Kind) ParseSpec(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (spec.Trim(), "flat") : (spec[..colon].Trim(), spec[(colon + 1)..].Trim());
    }

    internal static HierarchyParseResult Hierarchy(string kind, IReadOnlyCollection<string> values, string column)
    {
        switch (kind)
        {
            case "age":
                return new HierarchyParseResult(HierarchyBuilders.Age(120), []);
            case "commune":
                var departements = Domain.Snds.NomenclatureSet.Default.Get("IR_DPT_V");
                return HierarchyBuilders.Geography(values.Where(v => HierarchyBuilders.Departement(v) is { } d && departements.Contains(d)).Order(StringComparer.Ordinal));
            case "icd10":
                return HierarchyBuilders.Icd10(values.Where(c => c.Length >= 3 && Icd10Blocks.Chapter(c[..3]) is not null).Order(StringComparer.Ordinal));
            case "atc":
                return HierarchyBuilders.Atc(values.Where(c => c.Length == 7).Order(StringComparer.Ordinal));
            case "flat":
                return HierarchyBuilders.FromFunctions(values.Order(StringComparer.Ordinal), column);
            default:
                if (!File.Exists(kind))
                {
                    return new HierarchyParseResult(null, [new HierarchyError(kind, 0, 0, $"unknown hierarchy for {column}: use age, commune, icd10, atc, flat or a file path")]);
                }

                using (var stream = File.OpenRead(kind))
                {
                    return GeneralizationHierarchy.Parse(stream, kind);
                }
        }
    }

    /// <summary>The header and the distinct values of the wanted columns (rows with a wrong field count are skipped here and rejected later).</summary>
    internal static (string[]? Header, Dictionary<string, HashSet<string>> Distinct) Scan(string path, char separator, IReadOnlyList<string> wanted)
    {
        var distinct = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(separator).Select(h => h.Trim()).ToArray();
        if (header is null)
        {
            return (null, distinct);
        }

        var index = wanted.Select(w => (Name: w, Index: Array.IndexOf(header, w))).Where(w => w.Index >= 0).ToList();
        foreach (var (name, _) in index)
        {
            distinct[name] = new HashSet<string>(StringComparer.Ordinal);
        }

        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(separator);
            if (fields.Length != header.Length)
            {
                continue;
            }

            foreach (var (name, i) in index)
            {
                distinct[name].Add(fields[i]);
            }
        }

        return (header, distinct);
    }

    private static List<IReadOnlyList<string>> ReadSets(string path, char separator, int column, HashSet<int> rejectedLines)
    {
        // Same line numbering as QuasiIdentifierTable.Parse: the header is line 1, empty lines are skipped.
        var sets = new List<IReadOnlyList<string>>();
        using var reader = new StreamReader(path);
        reader.ReadLine();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0 || rejectedLines.Contains(line))
            {
                continue;
            }

            sets.Add(text.Split(separator)[column].Split('|', StringSplitOptions.RemoveEmptyEntries));
        }

        return sets;
    }
}
