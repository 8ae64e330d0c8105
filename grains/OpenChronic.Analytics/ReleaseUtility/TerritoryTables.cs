using System.Globalization;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// The per-territory indicators published beside the event-level rows as aggregate tables (<c>territories.csv</c>,
/// long format: territory, table, column, persons; an empty count is suppressed). Per département, the released
/// persons are split, on their original items in the released format, by <c>stay</c>, <c>biology</c>, <c>act</c> and
/// <c>drug</c> (the scope's most common drug class) into <c>yes</c> / <c>no</c>, each with its <c>total</c>
/// (the variability indicators; follow-up after a stay is not tabulated: at 100,000 persons only 44 persons with a
/// stay are not followed nationally, so every département's cell would be under 11); the national margin row is <c>FR</c>. Each table is small-cell suppressed with complementary
/// suppression (<see cref="CellSuppression"/>, 11 distinct persons) on its margins; the tables share the
/// département totals, so a total hidden in one is forced hidden in all and they are re-suppressed until none
/// changes — no published cell of one table recomputes a hidden cell of another. The event rows carry no territory
/// finer than the release's level, so a table cannot be joined to a row: the territory stays in the release without
/// entering the k^m classes.
/// </summary>
public static class TerritoryTables
{
    public const string FileName = EventReleaseVerifier.TablesCsv;

    public const string National = "FR";

    public static IReadOnlyList<string> Columns { get; } = ["territory", "table", "column", "persons"];

    /// <summary>The tables: name, column names and the column of a person (by its items).</summary>
    public static IReadOnlyList<(string Name, string[] Columns, Func<IReadOnlyList<(string Code, string Period)>, PeriodSpans, int> Column)> Tables(string topDrug) =>
    [
        ("stay", ["yes", "no"], (items, spans) => TerritoryUtility.Has("ghm:")(items, spans) > 0 ? 0 : 1),
        ("biology", ["yes", "no"], (items, spans) => TerritoryUtility.Has("nabm:")(items, spans) > 0 ? 0 : 1),
        ("act", ["yes", "no"], (items, spans) => TerritoryUtility.Has("ccam:")(items, spans) > 0 ? 0 : 1),
        ("drug", ["yes", "no"], (items, spans) => TerritoryUtility.Has(topDrug)(items, spans) > 0 ? 0 : 1),
    ];

    /// <summary>The suppressed tables in long format (territory, table, column, persons or null when suppressed).</summary>
    public static IReadOnlyList<(string Territory, string Table, string Column, long? Persons)> Build(
        IReadOnlyList<(string Territory, IReadOnlyList<(string Code, string Period)> Items)> persons, string timeUnit, string topDrug, int threshold = CellSuppression.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var spans = new PeriodSpans(timeUnit);
        var territories = persons.Select(p => p.Territory).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = territories.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var tables = Tables(topDrug);
        var counts = tables.Select(t => new long[territories.Length, t.Columns.Length]).ToArray();
        foreach (var (territory, items) in persons)
        {
            for (var i = 0; i < tables.Count; i++)
            {
                counts[i][index[territory], tables[i].Column(items, spans)]++;
            }
        }

        var hidden = new HashSet<int>();
        CellSuppressionResult[] results;
        bool changed;
        do
        {
            changed = false;
            results = [.. Enumerable.Range(0, tables.Count).Select(i => CellSuppression.Apply(counts[i], threshold, [.. hidden.Select(t => (t, tables[i].Columns.Length))]))];
            for (var t = 0; t < territories.Length; t++)
            {
                changed |= results.Select((r, i) => r.Published(t, tables[i].Columns.Length)).Any(c => c is null) && hidden.Add(t);
            }
        }
        while (changed);

        var rows = new List<(string, string, string, long?)>();
        for (var i = 0; i < tables.Count; i++)
        {
            for (var t = 0; t <= territories.Length; t++)
            {
                for (var c = 0; c <= tables[i].Columns.Length; c++)
                {
                    rows.Add((t < territories.Length ? territories[t] : National, tables[i].Name, c < tables[i].Columns.Length ? tables[i].Columns[c] : "total", results[i].Published(t, c)));
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Per indicator (stay, biology, act, drug): the Spearman correlation over territories of the original share with
    /// the share read from the published tables (a territory whose share is not published read at the national share),
    /// as the variability target, and the share of territories whose share is published.
    /// </summary>
    public static IReadOnlyList<UtilityFigure> Compare(
        IReadOnlyList<(string Territory, IReadOnlyList<(string Code, string Period)> Items)> persons, string timeUnit, string topDrug,
        IReadOnlyList<(string Territory, string Table, string Column, long? Persons)> table)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(table);
        var spans = new PeriodSpans(timeUnit);
        var cells = table.ToDictionary(r => (r.Territory, r.Table, r.Column), r => r.Persons);
        var territories = table.Select(r => r.Territory).Where(t => t != National).Distinct(StringComparer.Ordinal).ToList();
        var figures = new List<UtilityFigure>();
        (string Name, string Table, string[] Numerator, string[] Denominator, Func<IReadOnlyList<(string Code, string Period)>, double?> Value)[] indicators =
        [
            ("stay", "stay", ["yes"], ["total"], items => TerritoryUtility.Has("ghm:")(items, spans)),
            ("biology", "biology", ["yes"], ["total"], items => TerritoryUtility.Has("nabm:")(items, spans)),
            ("act", "act", ["yes"], ["total"], items => TerritoryUtility.Has("ccam:")(items, spans)),
            ("drug", "drug", ["yes"], ["total"], items => TerritoryUtility.Has(topDrug)(items, spans)),
        ];
        foreach (var (name, tableName, numerator, denominator, value) in indicators)
        {
            double? Share(string territory)
            {
                long? Sum(string[] columns) => columns.Aggregate((long?)0, (acc, c) => acc is { } a && cells.GetValueOrDefault((territory, tableName, c)) is { } v ? a + v : null);
                return (Sum(numerator), Sum(denominator)) is ({ } n, { } d) && d > 0 ? n / (double)d : null;
            }

            var fallback = Share(National);
            var original = new List<double>();
            var published = new List<double>();
            var shown = 0;
            foreach (var territory in territories)
            {
                var values = persons.Where(p => p.Territory == territory).Select(p => value(p.Items)).OfType<double>().ToList();
                var read = Share(territory);
                shown += read is null ? 0 : 1;
                if (values.Count > 0 && (read ?? fallback) is { } r)
                {
                    original.Add(values.Average());
                    published.Add(r);
                }
            }

            figures.Add(new UtilityFigure($"territory_table_{name}_spearman", UtilityStatistics.Spearman(original, published), "≥ 0.9",
                $"{FileName}: share of persons with {name} per département, original vs published (not published: read at the national share); {shown.ToString(CultureInfo.InvariantCulture)} of {territories.Count.ToString(CultureInfo.InvariantCulture)} published"));
            figures.Add(new UtilityFigure($"territory_table_{name}_published", territories.Count == 0 ? double.NaN : shown / (double)territories.Count, null,
                $"{FileName}: share of départements whose {name} share is published (cells of 11 persons or more, complementary suppression)"));
        }

        return figures;
    }
}
