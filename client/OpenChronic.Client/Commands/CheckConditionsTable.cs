using System.Globalization;
using OpenChronic.Analytics.Validation;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>Prints the case-definition check: one row per condition and year, then one pooled row per condition over several years.</summary>
internal static class CheckConditionsTable
{
    private const double Target = 0.90;

    public static void Print(IReadOnlyList<CaseDefinitionResult> results, bool markdown, IAnsiConsole console, TextWriter markdownOut)
    {
        var rows = new List<CaseDefinitionResult>();
        foreach (var group in results.GroupBy(r => r.ConditionId))
        {
            rows.AddRange(group);
            if (group.Count() > 1)
            {
                rows.Add(Pool(group.Key, [.. group]));
            }
        }

        string[] header = ["condition", "year", "true", "detected", "TP", "sensitivity", "PPV", "missed (why)", "false positives (rules, truth)"];
        if (markdown)
        {
            // Plain text, not the console: Markdown rows must not be wrapped at the terminal's width.
            markdownOut.WriteLine("| " + string.Join(" | ", header) + " |");
            markdownOut.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", header.Length)));
            foreach (var r in rows)
            {
                markdownOut.WriteLine("| " + string.Join(" | ", Cells(r)) + " |");
            }

            return;
        }

        // Figures in a table; the reasons, long, as lines under it so that narrow terminals keep the table readable.
        var table = new Table().Title($"Case definitions against the truth (target ≥ {Target:0.00})").AddColumns(header[..7]);
        foreach (var r in rows)
        {
            var cells = Cells(r)[..7].Select(Markup.Escape).ToArray();
            cells[5] = Colour(r.Sensitivity, cells[5]);
            cells[6] = Colour(r.Ppv, cells[6]);
            table.AddRow(cells);
        }

        console.Write(table);
        foreach (var r in rows.Where(r => r.Year != 0 && (r.MissedBy.Count > 0 || r.FalsePositivesBy.Count > 0)))
        {
            var c = Cells(r);
            console.MarkupLineInterpolated($"[bold]{c[0]} {c[1]}[/]: missed {c[7]} | false positives {c[8]}");
        }
    }

    private static CaseDefinitionResult Pool(string condition, IReadOnlyList<CaseDefinitionResult> years) =>
        new(condition, 0, years.Sum(y => y.TrueCases), years.Sum(y => y.Detected), years.Sum(y => y.TruePositives),
            Merge(years.Select(y => y.MissedBy)), Merge(years.Select(y => y.FalsePositivesBy)));

    private static SortedDictionary<string, int> Merge(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var merged = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in counts)
        {
            foreach (var (k, v) in c)
            {
                merged[k] = merged.GetValueOrDefault(k) + v;
            }
        }

        return merged;
    }

    private static string[] Cells(CaseDefinitionResult r) =>
    [
        r.ConditionId,
        r.Year == 0 ? "all" : r.Year.ToString(CultureInfo.InvariantCulture),
        N(r.TrueCases), N(r.Detected), N(r.TruePositives), P(r.Sensitivity), P(r.Ppv),
        Reasons(r.MissedBy), Reasons(r.FalsePositivesBy),
    ];

    private static string Reasons(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "-" : string.Join("; ", counts.OrderByDescending(c => c.Value).Select(c => $"{c.Key}: {N(c.Value)}"));

    private static string Colour(double value, string text) =>
        double.IsNaN(value) ? text : value >= Target ? $"[green]{text}[/]" : $"[red]{text}[/]";

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double p) => double.IsNaN(p) ? "-" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
