using System.Globalization;
using System.Text.Json;
using OpenChronic.Analytics.Pathways;
using OpenChronic.Client.Commands;
using OpenChronic.Domain.Pathways;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;

namespace OpenChronic.Client.Report;

/// <summary>
/// The report's data and pathway sections, from counts summed inside the grid (<see cref="PatternCounts"/>): data
/// overview, conditions per year, treatment-line sunbursts, care settings around ALD entry. Every count shown is 0 or
/// at least the minimum cell size.
/// </summary>
internal static class PathwayReport
{
    /// <summary>Treatment sunbursts drawn, for the conditions with the most treated persons.</summary>
    private const int Sunbursts = 3;

    public static void Write(HtmlReport report, PatternCounts counts, DatabaseManifest manifest, BuildReport? build, int minCell,
        Action<HtmlReport>? afterOverview = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(manifest);
        Overview(report, counts, manifest, build, minCell);
        afterOverview?.Invoke(report);
        Conditions(report, counts, manifest, minCell);
        Treatments(report, counts, minCell);
        Settings(report, counts, minCell);
    }

    /// <summary>A count as published: under the minimum cell size it is shown as "&lt; min".</summary>
    public static string Cell(long persons, int minCell) =>
        persons == 0 ? "0" : persons < minCell ? $"< {minCell}" : persons.ToString("N0", CultureInfo.InvariantCulture);

    private static void Overview(HtmlReport report, PatternCounts counts, DatabaseManifest manifest, BuildReport? build, int minCell)
    {
        report.Section("overview", "Data overview", ReportScope.Internal,
            $"The Open Chronic database built from the extract: {counts.Patients:N0} patients, years {string.Join(", ", manifest.Years)}.");
        var kinds = Enum.GetValues<CareEventKind>()
            .Select(k => (Label: DatabaseWriter.KindName(k), Events: counts.EventsByKind[(int)k]))
            .ToList();
        report.Table("Events per kind", ["kind", "events"], kinds.Select(k => (IReadOnlyList<string>)[k.Label, Cell(k.Events, minCell)]));
        report.Figure(BarChartSvg.Render([.. kinds.Select(k => (k.Label, (IReadOnlyList<double>)[k.Events]))], ["events"], "Events per kind", "events"),
            "Events of the database per kind.");
        if (build is not null)
        {
            report.Table("Build", ["measure", "value"],
            [
                ["source rows read", build.SourceRows.ToString("N0", CultureInfo.InvariantCulture)],
                ["events kept", build.Events.ToString("N0", CultureInfo.InvariantCulture)],
                ["rows rejected (see rejects/)", build.RejectedRows.ToString("N0", CultureInfo.InvariantCulture)],
                ["ingestion seconds", build.IngestSeconds.ToString("F1", CultureInfo.InvariantCulture)],
                ["work units", build.Units.Count.ToString(CultureInfo.InvariantCulture)],
            ]);
        }
    }

    private static void Conditions(HtmlReport report, PatternCounts counts, DatabaseManifest manifest, int minCell)
    {
        report.Section("conditions", "Chronic conditions per year", ReportScope.Internal,
            "Persons with each condition of the case-definition catalogue, per year (ALD, hospital diagnoses, drugs, acts).");
        var years = manifest.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        var rows = new List<(string Label, IReadOnlyList<double> Values)>();
        var table = new List<IReadOnlyList<string>>();
        foreach (var definition in CaseDefinitionCatalogue.Default.Conditions)
        {
            var persons = manifest.Years.Select(y => counts.Conditions.GetValueOrDefault(string.Create(CultureInfo.InvariantCulture, $"{y}{PathwayPatterns.Step}{definition.Id}"))).ToList();
            rows.Add((definition.Label, [.. persons.Select(p => p < minCell ? 0.0 : p)]));
            table.Add([definition.Label, .. persons.Select(p => Cell(p, minCell))]);
        }

        report.Figure(BarChartSvg.Render(rows, years, "Persons per condition and year", "persons"),
            $"Persons per condition and year (cells under {minCell} persons drawn as 0).");
        report.Table("Persons per condition and year", ["condition", .. years], table);
    }

    private static void Treatments(HtmlReport report, PatternCounts counts, int minCell)
    {
        report.Section("treatments", "Treatment lines", ReportScope.Internal,
            $"Sequences of the first {PathwayPatterns.MaxLines} treatment lines of each condition (drug classes at ATC level 5, '+' for combinations); " +
            $"inner ring = first line. Branches under {minCell} persons are folded into 'other'.");
        var byCondition = counts.Treatments
            .Select(t => (Condition: t.Key[..t.Key.IndexOf(PathwayPatterns.Step, StringComparison.Ordinal)], Tail: t.Key[(t.Key.IndexOf(PathwayPatterns.Step, StringComparison.Ordinal) + 1)..], Persons: t.Value))
            .GroupBy(t => t.Condition, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(t => t.Persons)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(Sunbursts)
            .ToList();
        if (byCondition.Count == 0)
        {
            report.Paragraph("No treatment line in this database.");
            return;
        }

        foreach (var group in byCondition)
        {
            var label = CaseDefinitionCatalogue.Default.Conditions.FirstOrDefault(c => c.Id == group.Key)?.Label ?? group.Key;
            var tree = SequenceTree.Build(group.ToDictionary(t => t.Tail, t => t.Persons, StringComparer.Ordinal), PathwayPatterns.Step, minCell, label);
            report.Figure(SunburstSvg.Render(tree, $"Treatment lines: {label}"), $"Treatment lines of {label}: {Cell(tree.Persons, minCell)} treated persons.");
        }
    }

    private static void Settings(HtmlReport report, PatternCounts counts, int minCell)
    {
        var persons = counts.Settings.Values.Sum();
        report.Section("settings", "Care settings around ALD entry", ReportScope.Internal,
            "For patients whose first ALD registration falls in the data with a full year observed before and after it: the most intensive " +
            $"setting of care in each half-year (hospital > specialist > GP > drugs/tests only > no care). {Cell(persons, minCell)} patients; flows under {minCell} persons are not drawn.");
        var flows = SettingFlows.Build(counts.Settings, PathwayPatterns.Step, minCell);
        var order = Enum.GetValues<CareSetting>().Select(CareSettingPeriods.Label).ToList();
        report.Figure(SankeySvg.Render(flows, [.. CareSettingPeriods.Periods.Select(p => p.Label)], order, "Care settings around ALD entry"),
            "Care settings in the year before and the year after ALD entry.");
    }

    /// <summary>The build report beside the database, or null when there is none or it cannot be read.</summary>
    public static BuildReport? ReadBuild(string db)
    {
        var path = Path.Combine(db, "build-report.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), BuildJson.Default.BuildReport);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
