using System.Globalization;
using OpenChronic.Analytics.Variability;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// What the per-territory tables keep of the analyses: per table, the index of every département computed on the
/// released persons' exact values (the original) and read from the published cells (Σ count × column value / Σ
/// count; a département whose cells are not all published is read at the national value), compared over départements
/// — Spearman rank correlation for the variability indicators (target ≥ 0.9), Pearson for the coordination indices
/// (target ≥ 0.95) — with the share of départements whose index is published and, for variability, the agreement of
/// the 95 % exact binomial funnel flags (<see cref="Funnel.Proportion"/>) drawn on each side.
/// </summary>
public static class TerritoryTableUtility
{
    /// <summary>Per index of every table: the correlation, the share of départements published and (variability) the funnel-flag agreement.</summary>
    public static IReadOnlyList<UtilityFigure> Compare(
        IReadOnlyList<TerritoryTableSpec> specs, IReadOnlyList<TablePerson> persons, IReadOnlyList<TerritoryCell> cells, string gate)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(cells);
        var published = cells.ToDictionary(r => (r.Territory, r.Table, r.Column), r => r.Persons);
        var byTerritory = persons.GroupBy(p => p.Departement, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var figures = new List<UtilityFigure>();
        var offset = 0;
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            foreach (var index in spec.Indices)
            {
                figures.AddRange(Figures(spec, i, offset++, index, byTerritory, published, gate));
            }
        }

        return figures;
    }

    private static IEnumerable<UtilityFigure> Figures(
        TerritoryTableSpec spec, int i, int value, TerritoryIndex index, List<IGrouping<string, TablePerson>> byTerritory,
        Dictionary<(string Territory, string Table, string Column), long?> published, string gate)
    {
        (double Value, long Count)? Read(string territory)
        {
            double sum = 0;
            long count = 0;
            for (var c = 0; c < spec.Columns.Length; c++)
            {
                if (published.GetValueOrDefault((territory, spec.Name, spec.Columns[c])) is not { } n)
                {
                    return null;
                }

                sum += n * index.Values[c];
                count += n;
            }

            return count > 0 ? (sum / count, count) : null;
        }

        var fallback = Read(TerritoryTables.National);
        var original = new List<double>();
        var fromTable = new List<double>();
        int shown = 0, territories = 0, agree = 0, flaggedOriginal = 0, flaggedTable = 0;
        var overall = byTerritory.SelectMany(g => g.Where(p => p.Columns[i] >= 0).Select(p => p.Values[value])).DefaultIfEmpty(double.NaN).Average();
        foreach (var group in byTerritory)
        {
            var values = group.Where(p => p.Columns[i] >= 0).Select(p => p.Values[value]).ToList();
            if (values.Count == 0)
            {
                continue;
            }

            territories++;
            var read = Read(group.Key);
            shown += read is null ? 0 : 1;
            if ((read ?? fallback) is { } v)
            {
                original.Add(values.Average());
                fromTable.Add(v.Value);

                // the 95 % funnel flag (exact binomial limits around the national share) a reader of each side would draw
                var o = Funnel.Flag(values.Average(), Funnel.Proportion(Math.Clamp(overall, 0, 1), values.Count)) != FunnelPosition.Within;
                var t = read is { } r && fallback is { } f && Funnel.Flag(r.Value, Funnel.Proportion(Math.Clamp(f.Value, 0, 1), r.Count)) != FunnelPosition.Within;
                agree += o == t ? 1 : 0;
                flaggedOriginal += o ? 1 : 0;
                flaggedTable += t ? 1 : 0;
            }
        }

        var coordination = spec.Family == "coordination";
        var statistic = coordination ? "pearson" : "spearman";
        var correlation = coordination ? UtilityStatistics.Pearson(original, fromTable) : UtilityStatistics.Spearman(original, fromTable);
        yield return new UtilityFigure($"territory_table_{index.Name}_{statistic}", correlation, coordination ? "≥ 0.95" : "≥ 0.9",
            string.Create(CultureInfo.InvariantCulture, $"{TerritoryTables.FileName} ({gate}): {spec.Family} index {index.Name} per département, original vs read from the table (not published: the national value); {shown} of {territories} départements published"));
        if (!coordination)
        {
            yield return new UtilityFigure($"territory_table_{index.Name}_outlier_agreement", original.Count == 0 ? double.NaN : agree / (double)original.Count, null,
                string.Create(CultureInfo.InvariantCulture, $"{TerritoryTables.FileName}: share of départements with the same 95 % funnel flag (exact binomial around the national share), original vs read from the table (not published: not flagged); flagged {flaggedOriginal} original, {flaggedTable} from the table"));
        }

        yield return new UtilityFigure($"territory_table_{index.Name}_published", territories == 0 ? double.NaN : shown / (double)territories, null,
            $"{TerritoryTables.FileName}: share of départements (with persons in the table) whose {index.Name} index is published");
    }
}
