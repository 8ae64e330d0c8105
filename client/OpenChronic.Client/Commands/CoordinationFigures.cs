using OpenChronic.Analytics.Coordination;
using OpenChronic.Analytics.Coordination.Plots;
using OpenChronic.Analytics.Statistics;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Client.Commands;

/// <summary>The coordination figures (SVG), drawn from the same gated counts as the tables: hidden bins and territories are not drawn.</summary>
internal static class CoordinationFigures
{
    public static string Distributions(CoordinationTally national, int minCell, string cohort, int year)
    {
        var panels = new List<HistogramPanel>();
        foreach (var (name, _, low, width, counts) in CoordinationTables.Binned(national))
        {
            var gate = CoordinationTables.Gate(counts, minCell);
            panels.Add(new HistogramPanel(name, low, width, [.. counts.Select((c, k) => gate[k] == CellStatus.Published ? c : (long?)null)]));
        }

        return SvgChart.Histograms($"Continuity indices and days to first contact, {cohort} {year} (grey: suppressed bin)", panels);
    }

    public static string FollowUp(IReadOnlyList<(string Territory, CoordinationTally Tally)> rows, int minCell, string cohort, int year)
    {
        var gate = CoordinationTables.Gate([.. rows.Select(r => r.Tally[CoordinationCount.StayPersons])], minCell);
        var rates = CoordinationTables.RateGate(rows, CoordinationCount.GpWithin7, CoordinationCount.Stays, minCell);
        var dots = new List<DotRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            var t = rows[i].Tally;
            var (x, n) = (t[CoordinationCount.GpWithin7], t[CoordinationCount.Stays]);
            if (gate[i] != CellStatus.Published || !rates[i] || n == 0)
            {
                continue;
            }

            var (low, high) = Binomial.Wilson(x, n);
            dots.Add(new DotRow(rows[i].Territory, x / (double)n, low, high, t[CoordinationCount.GpWithin30] / (double)n));
        }

        dots.Sort((a, b) => a.Value.CompareTo(b.Value));
        return SvgChart.DotPlot($"GP contact after discharge by département, {cohort} {year}",
            "filled: within 7 days (95 % Wilson interval); hollow: within 30 days", dots);
    }
}
