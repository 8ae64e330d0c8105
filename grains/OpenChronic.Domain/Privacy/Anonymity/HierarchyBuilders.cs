using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Ready-made generalization hierarchies for the quasi-identifiers of care-pathway data: age bands, commune →
/// département → région → France (regions from the SNDS <c>IR_DPT_V</c> code list), dates, ICD-10 codes, ATC
/// codes and establishments. Every hierarchy ends with <c>*</c>.
/// </summary>
public static class HierarchyBuilders
{
    public const string Root = "*";

    /// <summary>
    /// Builds a hierarchy from leaves and one function per level above them (the last level <c>*</c> is added).
    /// A function returning null rejects the leaf with a located error.
    /// </summary>
    public static HierarchyParseResult FromFunctions(IEnumerable<string> leaves, string source, params Func<string, string?>[] levels)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(levels);
        var rows = new List<IReadOnlyList<string>>();
        var errors = ImmutableArray.CreateBuilder<HierarchyError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var leaf in leaves)
        {
            index++;
            if (!seen.Add(leaf))
            {
                continue;
            }

            var row = new string[levels.Length + 2];
            row[0] = leaf;
            row[^1] = Root;
            var ok = true;
            for (var l = 0; l < levels.Length; l++)
            {
                if (levels[l](leaf) is not { } value)
                {
                    errors.Add(new HierarchyError(source, index, l + 2, $"'{leaf}' has no level-{l + 1} generalization"));
                    ok = false;
                    break;
                }

                row[l + 1] = value;
            }

            if (ok)
            {
                rows.Add(row);
            }
        }

        if (errors.Count > 0)
        {
            return new HierarchyParseResult(null, errors.ToImmutable());
        }

        return GeneralizationHierarchy.FromRows(rows, source);
    }

    /// <summary>Ages 0..<paramref name="maxAge"/> → 5-year → 10-year → 20-year bands → *.</summary>
    public static GeneralizationHierarchy Age(int maxAge = 120)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAge);
        var ages = Enumerable.Range(0, maxAge + 1).Select(a => a.ToString(CultureInfo.InvariantCulture));
        return Require(FromFunctions(ages, "age", a => Band(a, 5), a => Band(a, 10), a => Band(a, 20)));
    }

    /// <summary>Commune (INSEE code) → département → région (<c>IR_DPT_V.GEO_REG_COD</c>) → France → *.</summary>
    public static HierarchyParseResult Geography(IEnumerable<string> communes)
    {
        var departements = NomenclatureSet.Default.Get("IR_DPT_V");
        return FromFunctions(communes, "commune",
            c => Departement(c) is { } d && departements.Contains(d) ? d : null,
            c => Departement(c) is { } d && departements.Value(d, "GEO_REG_COD") is { } r ? "R" + r : null,
            _ => "France");
    }

    /// <summary>The <c>IR_DPT_V</c> département code (3 characters: 001, 02A, 971) of an INSEE commune code, or null.</summary>
    public static string? Departement(string commune)
    {
        ArgumentNullException.ThrowIfNull(commune);
        if (commune.Length != 5)
        {
            return null;
        }

        return commune.StartsWith("97", StringComparison.Ordinal) ? commune[..3] : "0" + commune[..2];
    }

    /// <summary>Days from <paramref name="first"/> to <paramref name="last"/> → month → quarter → year → *.</summary>
    public static GeneralizationHierarchy Dates(DateOnly first, DateOnly last)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, last);
        var days = new List<string>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return Require(FromFunctions(days, "date", d => d[..7], d => $"{d[..4]}-Q{((int.Parse(d.AsSpan(5, 2), CultureInfo.InvariantCulture) - 1) / 3) + 1}", d => d[..4]));
    }

    /// <summary>ICD-10 code (e.g. E119) → category (E11) → block (E10-E14) → chapter (IV E00-E90) → *.</summary>
    public static HierarchyParseResult Icd10(IEnumerable<string> codes) =>
        FromFunctions(codes, "icd10",
            c => c.Length >= 3 && Icd10Blocks.Chapter(c[..3]) is not null ? c[..3] : null,
            c => Icd10Blocks.Block(c[..3]),
            c => Icd10Blocks.Chapter(c[..3]));

    /// <summary>ATC code, 7 characters → 5 → 4 → 3 → 1 (anatomical main group) → *.</summary>
    public static HierarchyParseResult Atc(IEnumerable<string> codes) =>
        FromFunctions(codes, "atc",
            c => c.Length == 7 ? c[..5] : null,
            c => c[..4],
            c => c[..3],
            c => c[..1]);

    /// <summary>Establishment (e.g. FINESS) → its category → *.</summary>
    public static HierarchyParseResult Establishments(IReadOnlyDictionary<string, string> categoryOf)
    {
        ArgumentNullException.ThrowIfNull(categoryOf);
        return FromFunctions(categoryOf.Keys.Order(StringComparer.Ordinal), "establishment",
            e => categoryOf.TryGetValue(e, out var c) && c.Length > 0 ? c : null);
    }

    private static string Band(string age, int width)
    {
        var a = int.Parse(age, CultureInfo.InvariantCulture);
        var low = a / width * width;
        return string.Create(CultureInfo.InvariantCulture, $"{low}-{low + width - 1}");
    }

    private static GeneralizationHierarchy Require(HierarchyParseResult result) =>
        result.Hierarchy ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
}
