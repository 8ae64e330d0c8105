using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// The project's coordination measures of one released person, computed on its original events (exact days and
/// professionals, which the rows never hold) for the per-département tables: discharge follow-up of the person's first
/// index stay (<see cref="DischargeFollowUp"/>, the coordination analysis's default: principal diagnosis I50, 30 days
/// observed, readmissions excluded) — a GP contact within 7 days (<c>followup_gp7</c>) and a GP or specialist contact
/// within 30 days (<c>followup_any30</c>) — and the continuity of care over the whole study period
/// (<see cref="PatientContinuity"/>: Bice–Boxerman COC over community physicians, persons with at least two visits) in
/// five bins of 0.2 (<c>continuity_coc</c>, index: the mean COC, read from the table at the bins' midpoints).
/// </summary>
public static class ReleaseCoordination
{
    /// <summary>The coordination tables, in the order of <see cref="Of"/>.</summary>
    public static IReadOnlyList<TerritoryTableSpec> Tables { get; } =
    [
        new("followup_gp7", ["yes", "no"], [1, 0], "index_stay", "coordination"),
        new("followup_any30", ["yes", "no"], [1, 0], "index_stay", "coordination"),
        new("continuity_coc", ["0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1"], [0.1, 0.3, 0.5, 0.7, 0.9], "two_visits", "coordination"),
    ];

    /// <summary>
    /// The person's column (−1 when outside the table's universe) and exact value per table of <see cref="Tables"/>,
    /// with <paramref name="options"/> for the index stays and the study period <paramref name="from"/>–<paramref name="to"/> for continuity.
    /// </summary>
    public static (int[] Columns, double[] Values) Of(ReadOnlySpan<CareEvent> events, TransitionOptions options, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(options);
        int[] columns = [-1, -1, -1];
        double[] values = [double.NaN, double.NaN, double.NaN];
        var stays = DischargeFollowUp.Find(events, options);
        if (stays.Count > 0)
        {
            var first = stays[0];
            var gp7 = first.GpWithin(7);
            var any30 = first.GpWithin(30) || first.SpecialistWithin(30);
            (columns[0], values[0]) = gp7 ? (0, 1.0) : (1, 0.0);
            (columns[1], values[1]) = any30 ? (0, 1.0) : (1, 0.0);
        }

        var continuity = PatientContinuity.Compute(events, from, to).Physicians;
        if (continuity.Visits >= 2 && !double.IsNaN(continuity.BiceBoxerman))
        {
            var coc = Math.Clamp(continuity.BiceBoxerman, 0, 1);
            columns[2] = Math.Min(4, (int)(coc * 5));
            values[2] = coc;
        }

        return (columns, values);
    }
}
