using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Analytics.ReleaseUtility;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Client.Commands;

/// <summary>
/// The utility report of <c>release-db</c>: pairs every released person's original items (released format, before
/// protection) with its released items, runs <see cref="EventUtilityReport"/> and writes <c>utility.md</c>; the
/// figures also go to <c>release.json</c> (those that cannot be computed only to <c>utility.md</c>, as n/a).
/// </summary>
internal static class ReleaseDbUtility
{
    public static IReadOnlyList<UtilityFigure> Compute(IReadOnlyList<PathwayPerson> persons, EventRelease release, int seed)
    {
        var policy = release.Policy;
        var released = release.Events.GroupBy(e => e.Person, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)[.. g.Select(e => (e.Code, e.Period))], StringComparer.Ordinal);
        var pairs = new List<UtilityPerson>(release.Persons.Length);
        for (var i = 0; i < release.Persons.Length; i++)
        {
            var person = persons[release.Sources[i]];
            var shown = release.Persons[i];
            var (_, _, items) = EventReleaseBuilder.OriginalItems(person, policy);
            var alds = person.Events.Where(e => e.Kind == CareEventKind.AldRegistration).Select(e => (int)e.Value).Distinct().ToArray();
            pairs.Add(new UtilityPerson(shown.Territory, shown.Sex, shown.AgeBand, alds,
                [.. items.Select(t => (t.Code, EventCodes.Period(t.Unit, 0, policy)))], released.GetValueOrDefault(shown.Person) ?? []));
        }

        return EventUtilityReport.Compute(pairs, policy.TimeUnit, policy.AtcFloor, release.Territory, seed);
    }

    /// <summary>
    /// The per-département indicator tables of the released persons (<see cref="TerritoryTables"/>, counted on their
    /// original items in the released format, small cells suppressed), written to <c>territories.csv</c>, and their utility figures.
    /// </summary>
    public static IReadOnlyList<UtilityFigure> WriteTerritories(string output, IReadOnlyList<PathwayPerson> persons, EventRelease release)
    {
        var policy = release.Policy;
        var items = new List<(string Territory, IReadOnlyList<(string Code, string Period)> Items)>(release.Persons.Length);
        foreach (var source in release.Sources)
        {
            var person = persons[source];
            var (_, _, original) = EventReleaseBuilder.OriginalItems(person, policy);
            items.Add((person.Departement, [.. original.Select(t => (t.Code, EventCodes.Period(t.Unit, 0, policy)))]));
        }

        var topDrug = EventUtilityReport.TopDrug(items.Select(p => p.Items), policy.AtcFloor);
        var table = TerritoryTables.Build(items, policy.TimeUnit, topDrug);
        EventReleaseRows.WriteCsv(Path.Combine(output, TerritoryTables.FileName), TerritoryTables.Columns,
            [.. table.Select(r => (IReadOnlyList<string>)[r.Territory, r.Table, r.Column, Cell(r.Persons)])]);
        return TerritoryTables.Compare(items, policy.TimeUnit, topDrug, table);
    }

    private static string Cell(long? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static ImmutableArray<MeasuredRisk> ForManifest(IReadOnlyList<UtilityFigure> figures) =>
        [.. figures.Where(f => !double.IsNaN(f.Value)).Select(f => new MeasuredRisk(f.Name, f.Value, f.Target is null ? f.Method : $"{f.Method} (target {f.Target})"))];

    public static void Write(string output, IReadOnlyList<UtilityFigure> figures, EventRelease release, EventCalibration? calibration)
    {
        var text = EventUtilityReport.Markdown(figures, $"Utility of the event-level release (policy {release.Policy.Name}, territory {release.Territory})");
        text += "\n## What the protection did per code system\n\n| Kind | Items | Suppressed | Code generalized | Period coarsened |\n|---|---|---|---|---|\n";
        foreach (var s in release.Systems)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"| {s.Kind} | {s.Items} | {s.Suppressed} ({s.Suppressed / (double)Math.Max(1, s.Items):P1}) | {s.CodeGeneralized} ({s.CodeGeneralized / (double)Math.Max(1, s.Items):P1}) | {s.PeriodCoarsened} ({s.PeriodCoarsened / (double)Math.Max(1, s.Items):P1}) |\n");
        }

        if (calibration is not null)
        {
            text += "\n## Calibration\n\n| Policy | Territory | Loss | Item precision | Suppressed items | Verdict |\n|---|---|---|---|---|---|\n";
            foreach (var c in calibration.Candidates)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"| {c.Policy.Name} | {c.Territory} | {c.Loss:F4} | {c.ItemPrecision:F4} | {c.SuppressedEvents:P1} | {c.Verdict} |\n");
            }
        }

        File.WriteAllText(Path.Combine(output, "utility.md"), text);
    }
}
