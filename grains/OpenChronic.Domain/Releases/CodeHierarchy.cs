using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases;

/// <summary>
/// One hierarchy over the pathway codes of cohort members, so that diagnoses and drugs are generalized together for
/// k^m-anonymity. ICD-10 (<c>icd:E119</c>): code → category (<c>icd:E11</c>) → block (<c>icd:E10-E14</c>) → chapter
/// → <c>icd:*</c> → <c>icd:*</c> → *. ATC (<c>atc:A10BA02</c>): 7 → 5 → 4 → 3 → 1 characters → <c>atc:*</c> → *.
/// Codes shorter than a level keep their own text at that level; unknown ICD-10 categories go to <c>icd:other</c>.
/// </summary>
public static class CodeHierarchy
{
    /// <summary>The highest level below <c>*</c>: every code generalized to its system (<c>icd:*</c>, <c>atc:*</c>).</summary>
    public const int TopLevel = 5;

    /// <summary>The hierarchy over the codes; a code without an <c>icd:</c> or <c>atc:</c> prefix is a located error.</summary>
    public static HierarchyParseResult Build(IEnumerable<string> codes) =>
        HierarchyBuilders.FromFunctions(codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), "pathway",
            c => Level(c, 1),
            c => Level(c, 2),
            c => Level(c, 3),
            c => Level(c, 4),
            c => Level(c, 5));

    private static string? Level(string code, int level)
    {
        if (code.StartsWith("icd:", StringComparison.Ordinal) && code.Length > 4)
        {
            var category = code[4..Math.Min(code.Length, 7)];
            return level switch
            {
                1 => "icd:" + category,
                2 => "icd:" + (Icd10Blocks.Block(category) ?? Icd10Blocks.Chapter(category) ?? "other"),
                3 => "icd:" + (Icd10Blocks.Chapter(category) ?? "other"),
                _ => "icd:*",
            };
        }

        if (code.StartsWith("atc:", StringComparison.Ordinal) && code.Length > 4)
        {
            var atc = code[4..];
            return level switch
            {
                1 => "atc:" + atc[..Math.Min(atc.Length, 5)],
                2 => "atc:" + atc[..Math.Min(atc.Length, 4)],
                3 => "atc:" + atc[..Math.Min(atc.Length, 3)],
                4 => "atc:" + atc[..1],
                _ => "atc:*",
            };
        }

        return null;
    }
}
