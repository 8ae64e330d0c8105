using System.Globalization;
using System.Text;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// The utility report of an event-level release (issue #14): the project's analyses recomputed on the released items
/// and on the same persons' original items in the released format — ALD prediction (<see cref="PredictionUtility"/>),
/// coordination and variability per territory (<see cref="TerritoryUtility"/>), treatment lines — with the issue's
/// targets: AUC loss ≤ 0.02, coordination correlation ≥ 0.95, variability rank correlation ≥ 0.9.
/// </summary>
public static class EventUtilityReport
{
    /// <summary>The figures, in report order.</summary>
    public static IReadOnlyList<UtilityFigure> Compute(IReadOnlyList<UtilityPerson> persons, string timeUnit, int atcFloor, string territoryLevel, int seed)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var figures = new List<UtilityFigure>();
        var (aucO, aucR, outcome) = PredictionUtility.Compare(persons, seed);
        var split = $"logistic regression (l1=0.1, l2=1), 70/30 split seed {seed.ToString(CultureInfo.InvariantCulture)}, outcome: {outcome}";
        figures.Add(new UtilityFigure("auc_original", aucO, null, split + "; features from original items"));
        figures.Add(new UtilityFigure("auc_released", aucR, null, split + "; features from released items"));
        figures.Add(new UtilityFigure("auc_loss", aucO - aucR, "≤ 0.02", "AUC original − AUC released"));
        foreach (var (system, auc) in PredictionUtility.Restored(persons, seed))
        {
            figures.Add(new UtilityFigure($"auc_restored_{system}", auc, null, $"AUC on released items with the {system} items restored to their original form (same split)"));
        }

        var at = $"per territory ({territoryLevel})";
        var follow = TerritoryUtility.Index(persons, timeUnit, TerritoryUtility.FollowUp);
        figures.Add(new UtilityFigure("coordination_followup_pearson", UtilityStatistics.Pearson(follow.Original, follow.Released), "≥ 0.95",
            $"{at}: share of persons with a stay followed by a consultation in the same period or the next unit; {follow.Territories.Length.ToString(CultureInfo.InvariantCulture)} territories"));
        var regular = TerritoryUtility.Index(persons, timeUnit, TerritoryUtility.Regularity);
        figures.Add(new UtilityFigure("coordination_regularity_pearson", UtilityStatistics.Pearson(regular.Original, regular.Released), "≥ 0.95",
            $"{at}: mean share of a person's active periods with a consultation"));

        var topDrug = TopDrug(persons.Select(p => p.Original), atcFloor);
        foreach (var (name, prefix) in ((string, string)[])[("stay", "ghm:"), ("biology", "nabm:"), ("act", "ccam:"), ("drug " + topDrug, topDrug)])
        {
            var index = TerritoryUtility.Index(persons, timeUnit, TerritoryUtility.Has(prefix));
            var (agreement, flaggedO, flaggedR) = TerritoryUtility.Outliers(persons, index.Original, index.Released, index.Territories);
            var key = name.Split(' ')[0];
            figures.Add(new UtilityFigure($"variability_{key}_spearman", UtilityStatistics.Spearman(index.Original, index.Released), "≥ 0.9",
                $"{at}: share of persons with a {name} item, Spearman rank correlation"));
            figures.Add(new UtilityFigure($"variability_{key}_outlier_agreement", agreement, null,
                $"share of territories with the same 95 % funnel flag; flagged {flaggedO.ToString(CultureInfo.InvariantCulture)} original, {flaggedR.ToString(CultureInfo.InvariantCulture)} released"));
        }

        var (firstLine, classes) = TreatmentLineDistances(persons, timeUnit, atcFloor);
        figures.Add(new UtilityFigure("treatment_first_line_tvd", firstLine, null,
            $"total variation distance of the first drug class (ATC {atcFloor.ToString(CultureInfo.InvariantCulture)} characters) dispensed from the reference on; persons without one count as 'none'"));
        figures.Add(new UtilityFigure("treatment_classes_tvd", classes, null,
            "total variation distance of the number of distinct drug classes per person (0, 1, 2, 3, 4+)"));
        return figures;
    }

    /// <summary>Total variation distances, original vs released, of the first drug class from the reference on and of the number of distinct drug classes per person.</summary>
    public static (double FirstLine, double Classes) TreatmentLineDistances(IReadOnlyList<UtilityPerson> persons, string timeUnit, int atcFloor)
    {
        ArgumentNullException.ThrowIfNull(persons);
        return (EventUtility.Distance(FirstLine(persons, p => p.Original, timeUnit, atcFloor), FirstLine(persons, p => p.Released, timeUnit, atcFloor)),
            EventUtility.Distance(Lines(persons, p => p.Original, atcFloor), Lines(persons, p => p.Released, atcFloor)));
    }

    /// <summary>The most common drug class (ATC at <paramref name="atcFloor"/> characters) among persons' items, by persons holding it.</summary>
    public static string TopDrug(IEnumerable<IReadOnlyList<(string Code, string Period)>> persons, int atcFloor) =>
        persons.SelectMany(p => p.Where(i => i.Code.StartsWith("atc:", StringComparison.Ordinal)).Select(i => Atc(i.Code, atcFloor)).Distinct(StringComparer.Ordinal))
            .GroupBy(c => c, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? "atc:";

    /// <summary>The report as Markdown.</summary>
    public static string Markdown(IReadOnlyList<UtilityFigure> figures, string title)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var text = new StringBuilder();
        text.Append("# ").Append(title).Append("\n\n| Figure | Value | Target | Met | How |\n|---|---|---|---|---|\n");
        foreach (var f in figures)
        {
            var met = f.Target is null ? "" : double.IsNaN(f.Value) ? "not computable" : Met(f) ? "yes" : "**no**";
            text.Append(CultureInfo.InvariantCulture, $"| {f.Name} | {(double.IsNaN(f.Value) ? "n/a" : f.Value.ToString("F4", CultureInfo.InvariantCulture))} | {f.Target} | {met} | {f.Method} |\n");
        }

        text.Append("\nProfessional identities, establishments and exact days are never released, so the project's continuity indices (COC, UPC, SECON) and ")
            .Append("discharge follow-up within N days cannot be computed on the rows; their period-level analogues above are. The project's own discharge ")
            .Append("follow-up (GP within 7 days, any physician within 30 days) and COC are published per département in territories.csv under the table gate: ")
            .Append("the territory_table_* figures.\n");
        return text.ToString();
    }

    /// <summary>Whether a figure with a target meets it.</summary>
    public static bool Met(UtilityFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Target switch
        {
            "≤ 0.02" => figure.Value <= 0.02,
            "≥ 0.95" => figure.Value >= 0.95,
            "≥ 0.9" => figure.Value >= 0.9,
            _ => true,
        };
    }

    private static string Atc(string code, int floor) => code.Length > 4 + floor && floor > 0 ? code[..(4 + floor)] : code;

    private static Dictionary<string, int> FirstLine(IReadOnlyList<UtilityPerson> persons, Func<UtilityPerson, IReadOnlyList<(string Code, string Period)>> items, string timeUnit, int floor)
    {
        var spans = new Domain.Releases.EventLevel.PeriodSpans(timeUnit);
        return persons.Select(p => items(p).Where(i => i.Code.StartsWith("atc:", StringComparison.Ordinal) && spans.Span(i.Period) is { } s && s.End > 0)
                .OrderBy(i => spans.Span(i.Period)!.Value.Start).ThenBy(i => i.Code, StringComparer.Ordinal).Select(i => Atc(i.Code, floor)).FirstOrDefault() ?? "none")
            .GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static Dictionary<string, int> Lines(IReadOnlyList<UtilityPerson> persons, Func<UtilityPerson, IReadOnlyList<(string Code, string Period)>> items, int floor) =>
        persons.Select(p => Math.Min(4, items(p).Where(i => i.Code.StartsWith("atc:", StringComparison.Ordinal)).Select(i => Atc(i.Code, floor)).Distinct(StringComparer.Ordinal).Count()))
            .GroupBy(n => n).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count(), StringComparer.Ordinal);
}
