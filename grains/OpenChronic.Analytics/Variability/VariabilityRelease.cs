using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Analytics.Variability;

/// <summary>
/// A row of a released variability table; values are null where the release gate hides them. Unit is the published
/// label (a pseudonym for GPs) or the pooled row's label; Status is <c>published</c>, <c>suppressed</c> (a cell under
/// the minimum) or <c>complementary</c> (hidden so that another cannot be recomputed).
/// </summary>
public sealed record ReleasedUnit(
    string Unit,
    string Status,
    long? Persons,
    long? Denominator,
    double? Expected,
    long? Observed,
    double? Ratio,
    double? Low,
    double? High,
    FunnelPosition? ExactFlag,
    FunnelPosition? AdjustedFlag,
    FunnelLimits? Exact,
    FunnelLimits? Adjusted);

/// <summary>
/// The release gate of a variability table. Units under the minimum number of distinct persons are already pooled
/// by <see cref="VariabilityAnalysis"/>; the table of distinct persons with and without the outcome per row (units
/// and the pooled row) then goes through <see cref="CellSuppression"/> (primary and complementary suppression). A
/// row publishes its persons, denominator and expected count only when its person total is published, and its
/// observed count, O/E, interval and flags only when its persons with the outcome are published as well.
/// </summary>
public static class VariabilityRelease
{
    public static ImmutableArray<ReleasedUnit> Apply(VariabilityReport report, int minCell, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCell, 1);
        var rows = report.Units.Select(u => (Label: label(u.Unit), u.Persons, u.NumeratorPersons, u.Denominator, u.Ratio,
            Unit: (UnitVariability?)u)).ToList();
        if (report.Pooled.Units > 0)
        {
            var p = report.Pooled;
            rows.Add((string.Create(CultureInfo.InvariantCulture, $"(pooled: {p.Units} units under {minCell} persons)"), p.Persons,
                p.NumeratorPersons, p.Denominator, p.Ratio, null));
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var counts = new long[rows.Count, 2];
        for (var r = 0; r < rows.Count; r++)
        {
            counts[r, 0] = rows[r].NumeratorPersons;
            counts[r, 1] = rows[r].Persons - rows[r].NumeratorPersons;
        }

        var gate = CellSuppression.Apply(counts, minCell);
        var released = ImmutableArray.CreateBuilder<ReleasedUnit>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var statuses = new[] { gate.StatusOf(r, 0), gate.StatusOf(r, 1), gate.StatusOf(r, 2) };
            var status = statuses.Contains(CellStatus.Primary) ? "suppressed"
                : statuses.Contains(CellStatus.Complementary) ? "complementary" : "published";
            var total = gate.Published(r, 2) is not null;
            var outcome = total && gate.Published(r, 0) is not null && !double.IsNaN(row.Ratio.Ratio);
            var u = row.Unit;
            released.Add(new ReleasedUnit(row.Label, status,
                total ? row.Persons : null, total ? row.Denominator : null, total ? row.Ratio.Expected : null,
                outcome ? row.Ratio.Observed : null, outcome ? row.Ratio.Ratio : null, outcome ? row.Ratio.Low : null, outcome ? row.Ratio.High : null,
                outcome ? u?.ExactFlag : null, outcome ? u?.AdjustedFlag : null, total ? u?.Exact : null, total ? u?.Adjusted : null));
        }

        return released.MoveToImmutable();
    }
}
