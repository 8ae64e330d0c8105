using OpenChronic.Analytics.Coordination;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// The project's coordination measures of one released person, computed on its original events (exact days and
/// professionals, which the rows never hold) for the per-département tables: discharge follow-up of the person's first
/// index stay (<see cref="DischargeFollowUp"/>, the coordination analysis's default: principal diagnosis I50, 30 days
/// observed, readmissions excluded), in one table <c>followup</c> of three exclusive columns — a GP contact within 7
/// days, else a GP or specialist contact within 30 days, else none — carrying two indices: GP within 7 days
/// (<c>followup_gp7</c>) and any physician within 30 days (<c>followup_any30</c>) — and the continuity of care over the whole study period
/// (<see cref="PatientContinuity"/>: Bice–Boxerman COC over community physicians, persons with at least two visits) in
/// five bins of 0.2 (<c>continuity_coc</c>, index: the mean COC, read from the table at the bins' midpoints).
/// </summary>
public static class ReleaseCoordination
{
    /// <summary>The coordination tables, in the order of <see cref="Of"/>.</summary>
    public static IReadOnlyList<TerritoryTableSpec> Tables { get; } =
    [
        new("followup", ["gp_7d", "other_30d", "none_30d"], "index_stay", "coordination",
            [new TerritoryIndex("followup_gp7", [1, 0, 0]), new TerritoryIndex("followup_any30", [1, 1, 0])]),
        new("continuity_coc", ["0-0.2", "0.2-0.4", "0.4-0.6", "0.6-0.8", "0.8-1"], [0.1, 0.3, 0.5, 0.7, 0.9], "two_visits", "coordination"),
    ];

    /// <summary>
    /// The person's column per table of <see cref="Tables"/> (−1 when outside the table's universe) and exact value per index,
    /// with <paramref name="options"/> for the index stays and the study period <paramref name="from"/>–<paramref name="to"/> for continuity.
    /// </summary>
    public static (int[] Columns, double[] Values) Of(ReadOnlySpan<CareEvent> events, TransitionOptions options, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(options);
        int[] columns = [-1, -1];
        double[] values = [double.NaN, double.NaN, double.NaN];
        var stays = DischargeFollowUp.Find(events, options);
        if (stays.Count > 0)
        {
            // a GP within 7 days implies a contact within 30: one table of three exclusive columns carries both indices
            var gp7 = stays[0].GpWithin(7);
            var any30 = stays[0].GpWithin(30) || stays[0].SpecialistWithin(30);
            columns[0] = gp7 ? 0 : any30 ? 1 : 2;
            values[0] = gp7 ? 1 : 0;
            values[1] = any30 ? 1 : 0;
        }

        var continuity = PatientContinuity.Compute(events, from, to).Physicians;
        if (continuity.Visits >= 2 && !double.IsNaN(continuity.BiceBoxerman))
        {
            var coc = Math.Clamp(continuity.BiceBoxerman, 0, 1);
            columns[1] = Math.Min(4, (int)(coc * 5));
            values[2] = coc;
        }

        return (columns, values);
    }
}
