using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Analytics.ReleaseUtility;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;
using OpenChronic.Domain.Snds;

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
        var pairs = UtilityPairs.Of(persons, release);
        return EventUtilityReport.Compute(pairs, release.Policy.TimeUnit, release.Policy.AtcFloor, release.Territory, seed);
    }

    /// <summary>
    /// The per-département tables of the released persons (<see cref="TerritoryTables"/>: variability indicators on
    /// their original items in the released format, coordination measures on their original events), under the
    /// policy's table gate, written to <c>territories.csv</c>, with their utility figures and, under the dp gate, the ε spent.
    /// </summary>
    public static IReadOnlyList<UtilityFigure> WriteTerritories(string output, IReadOnlyList<PathwayPerson> persons, EventRelease release, ReadOnlySpan<byte> key)
    {
        var policy = release.Policy;
        var originals = release.Sources.Select(s => (IReadOnlyList<(string Code, string Period)>)[.. EventReleaseBuilder.OriginalItems(persons[s], policy).Items
            .Select(t => (t.Code, EventCodes.Period(t.Unit, 0, policy)))]).ToList();
        var topDrug = EventUtilityReport.TopDrug(originals, policy.AtcFloor);
        int first = int.MaxValue, last = int.MinValue;
        foreach (var person in persons)
        {
            foreach (var e in person.Events)
            {
                first = Math.Min(first, e.Day);
                last = Math.Max(last, e.Kind == CareEventKind.HospitalStay ? Math.Max(e.Day, e.EndDay) : e.Day);
            }
        }

        var options = TransitionOptions.Default with { LastObservedDay = last };
        var (from, to) = first > last ? (DateOnly.MinValue, DateOnly.MinValue) : (DateOnly.FromDayNumber(first), DateOnly.FromDayNumber(last));
        var tablePersons = new List<TablePerson>(originals.Count);
        for (var i = 0; i < originals.Count; i++)
        {
            var person = persons[release.Sources[i]];
            var (vc, vv) = TerritoryTables.VariabilityOf(originals[i], topDrug);
            var (cc, cv) = ReleaseCoordination.Of(person.Events, options, from, to);
            tablePersons.Add(new TablePerson(person.Departement, [.. vc, .. cc], [.. vv, .. cv]));
        }

        IReadOnlyList<TerritoryTableSpec> specs = [.. TerritoryTables.Variability, .. ReleaseCoordination.Tables];
        IReadOnlyList<TerritoryCell> cells;
        var figures = new List<UtilityFigure>();
        if (policy.TableGate == "dp")
        {
            var departements = NomenclatureSet.Default.Get("IR_DPT_V").Codes.ToList();
            var bits = new ChaCha20RandomBits(HMACSHA256.HashData(key, "territories.csv noise"u8), new byte[12]);
            cells = TerritoryTables.AddNoise(specs, tablePersons, policy.TableEpsilon, departements, bits);
            var spent = PrivacyAccounting.ComposeApproximate(specs.Select(_ => PrivacyCost.Pure(policy.TableEpsilon)));
            figures.Add(new UtilityFigure(EventReleaseVerifier.TablesEpsilon, spent.Epsilon, null,
                $"ε spent by the {specs.Count} tables of {TerritoryTables.FileName} (basic composition, ε = {policy.TableEpsilon.ToString(CultureInfo.InvariantCulture)} each, discrete Laplace, {departements.Count} départements of IR_DPT_V)"));
        }
        else
        {
            cells = TerritoryTables.Suppress(specs, tablePersons);
        }

        EventReleaseRows.WriteCsv(Path.Combine(output, TerritoryTables.FileName), TerritoryTables.Columns,
            [.. cells.Select(r => (IReadOnlyList<string>)[r.Territory, r.Table, r.Column, Cell(r.Persons)])]);
        figures.AddRange(TerritoryTableUtility.Compare(specs, tablePersons, cells, policy.TableGate == "dp"
            ? $"dp, ε = {policy.TableEpsilon.ToString(CultureInfo.InvariantCulture)} per table" : "cell suppression < 11, complementary"));
        return figures;
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
            text += "\nCandidates meeting the target risk are evaluated for utility in order of loss (AUC loss target ≤ 0.02; treatment-line distances recorded); the first that meets it is chosen.\n";
            text += "\n## Calibration\n\n| Policy | Territory | Loss | Item precision | Suppressed items | AUC loss | First-line TVD | Classes TVD | Verdict |\n|---|---|---|---|---|---|---|---|---|\n";
            foreach (var c in calibration.Candidates)
            {
                string Figure(string name) => c.Utility?.FirstOrDefault(f => f.Name == name) is { } f ? f.Value.ToString("F4", CultureInfo.InvariantCulture) : "";
                text += string.Create(CultureInfo.InvariantCulture, $"| {c.Policy.Name} | {c.Territory} | {c.Loss:F4} | {c.ItemPrecision:F4} | {c.SuppressedEvents:P1} | {Figure("auc_loss")} | {Figure("treatment_first_line_tvd")} | {Figure("treatment_classes_tvd")} | {c.Verdict} |\n");
            }
        }

        File.WriteAllText(Path.Combine(output, "utility.md"), text);
    }
}
