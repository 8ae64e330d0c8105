using System.Globalization;
using System.Text;
using OpenChronic.Analytics.Coordination;
using OpenChronic.Analytics.Statistics;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Writes the coordination tables (CSV, invariant culture) through the release gate: every row or cell whose count of
/// persons (stays, for the rates) is under the minimum cell size is hidden, with complementary suppression
/// (<see cref="CellSuppression"/>); hidden values are empty and the row says why.
/// </summary>
internal static class CoordinationTables
{
    public static readonly (string Name, CoordinationMeasure Measure)[] Indices =
    [
        ("coc", CoordinationMeasure.Coc), ("upc_most_seen_gp", CoordinationMeasure.UpcMostSeenGp), ("upc_declared_gp", CoordinationMeasure.UpcDeclaredGp),
        ("herfindahl", CoordinationMeasure.Herfindahl), ("secon", CoordinationMeasure.Secon), ("mmci", CoordinationMeasure.Mmci),
        ("gp_coc", CoordinationMeasure.GpCoc), ("gp_upc", CoordinationMeasure.GpUpc), ("visits", CoordinationMeasure.Visits),
        ("distinct_gps", CoordinationMeasure.DistinctGps), ("distinct_specialists", CoordinationMeasure.DistinctSpecialists),
        ("care_density", CoordinationMeasure.CareDensity),
    ];

    public static readonly (string Name, CoordinationCount Count, CoordinationCount Of)[] Rates =
    [
        ("gp_7d", CoordinationCount.GpWithin7, CoordinationCount.Stays), ("gp_30d", CoordinationCount.GpWithin30, CoordinationCount.Stays),
        ("specialist_7d", CoordinationCount.SpecialistWithin7, CoordinationCount.Stays), ("specialist_30d", CoordinationCount.SpecialistWithin30, CoordinationCount.Stays),
        ("readmission_30d", CoordinationCount.ReadmittedWithin30, CoordinationCount.Stays), ("prior_gp", CoordinationCount.PriorGp, CoordinationCount.Stays),
        ("background_gp", CoordinationCount.BackgroundGp, CoordinationCount.BackgroundObserved),
    ];

    /// <summary>Hidden rows of a one-column table of counts (primary and complementary suppression).</summary>
    public static CellStatus[] Gate(IReadOnlyList<long> counts, int minCell)
    {
        if (counts.Count == 0)
        {
            return [];
        }

        var table = new long[counts.Count, 1];
        for (var i = 0; i < counts.Count; i++)
        {
            table[i, 0] = counts[i];
        }

        var result = CellSuppression.Apply(table, minCell);
        return [.. Enumerable.Range(0, counts.Count).Select(i => result.StatusOf(i, 0))];
    }

    public static string Continuity(IReadOnlyList<(string Territory, CoordinationTally Tally)> rows, int minCell)
    {
        var gate = Gate([.. rows.Select(r => r.Tally[CoordinationCount.Persons])], minCell);
        var csv = new StringBuilder("territory,persons,status");
        foreach (var (name, _) in Indices)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{name}_n,{name}_mean,{name}_p25,{name}_median,{name}_p75");
        }

        csv.Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            var (territory, t) = rows[i];
            var shown = gate[i] == CellStatus.Published;
            csv.Append(CultureInfo.InvariantCulture, $"{territory},{(shown ? t[CoordinationCount.Persons] : "")},{Status(gate[i])}");
            foreach (var (_, m) in Indices)
            {
                var n = t.Defined(m);
                var ok = shown && (n == 0 || n >= minCell);
                csv.Append(CultureInfo.InvariantCulture, $",{(ok ? n : "")},{V(ok, t.Mean(m))},{V(ok, t.Quantile(m, 0.25))},{V(ok, t.Quantile(m, 0.5))},{V(ok, t.Quantile(m, 0.75))}");
            }

            csv.Append('\n');
        }

        return csv.ToString();
    }

    public static string FollowUp(IReadOnlyList<(string Territory, CoordinationTally Tally)> rows, int minCell)
    {
        var gate = Gate([.. rows.Select(r => r.Tally[CoordinationCount.StayPersons])], minCell);
        var rateGates = Rates.Select(r => RateGate(rows, r.Count, r.Of, minCell)).ToArray();
        var csv = new StringBuilder("territory,stay_persons,stays,status");
        foreach (var (name, _, _) in Rates)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{name}_count,{name}_rate,{name}_low,{name}_high");
        }

        csv.Append(",days_to_gp_p25,days_to_gp_median,days_to_gp_p75\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (territory, t) = rows[i];
            var shown = gate[i] == CellStatus.Published;
            csv.Append(CultureInfo.InvariantCulture, $"{territory},{(shown ? t[CoordinationCount.StayPersons] : "")},{(shown ? t[CoordinationCount.Stays] : "")},{Status(gate[i])}");
            for (var k = 0; k < Rates.Length; k++)
            {
                var (_, count, of) = Rates[k];
                var ok = shown && rateGates[k][i];
                var (x, n) = (t[count], t[of]);
                var (low, high) = n > 0 ? Binomial.Wilson(x, n) : (double.NaN, double.NaN);
                csv.Append(CultureInfo.InvariantCulture, $",{(ok ? x : "")},{V(ok, n > 0 ? x / (double)n : double.NaN)},{V(ok, low)},{V(ok, high)}");
            }

            var days = shown && t.Defined(CoordinationMeasure.DaysToGp) >= minCell;
            csv.Append(CultureInfo.InvariantCulture, $",{V(days, t.Quantile(CoordinationMeasure.DaysToGp, 0.25))},{V(days, t.Quantile(CoordinationMeasure.DaysToGp, 0.5))},{V(days, t.Quantile(CoordinationMeasure.DaysToGp, 0.75))}\n");
        }

        return csv.ToString();
    }

    /// <summary>National distributions: index histograms in bins of 0.05 and days to first contact, each bin gated.</summary>
    public static string Distributions(CoordinationTally national, int minCell)
    {
        var csv = new StringBuilder("measure,bin_low,bin_high,count\n");
        foreach (var (name, measure, low, width, counts) in Binned(national))
        {
            var gate = Gate(counts, minCell);
            for (var k = 0; k < counts.Length; k++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{name},{F(low + (k * width))},{F(low + ((k + 1) * width))},{(gate[k] == CellStatus.Published ? counts[k] : "")}\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>The histograms that are published: indices in 20 bins of 0.05, days to first GP/specialist contact by day (0–30).</summary>
    public static IEnumerable<(string Name, CoordinationMeasure Measure, double Low, double Width, long[] Counts)> Binned(CoordinationTally t)
    {
        foreach (var (name, m) in Indices.Take(8))
        {
            var bins = t.Histogram(m);
            var counts = new long[20];
            for (var k = 0; k < bins.Length; k++)
            {
                counts[Math.Min(19, k / 5)] += bins[k];
            }

            yield return (name, m, 0, 0.05, counts);
        }

        foreach (var (name, m) in new[] { ("days_to_gp", CoordinationMeasure.DaysToGp), ("days_to_specialist", CoordinationMeasure.DaysToSpecialist) })
        {
            yield return (name, m, 0, 1, t.Histogram(m)[..31].ToArray());
        }
    }

    public static string Networks(IReadOnlyList<(string Territory, NetworkReport Report)> rows, int minCell, long threshold)
    {
        var gate = Gate([.. rows.Select(r => r.Report.Persons)], minCell);
        var csv = new StringBuilder("territory,threshold,persons,status,nodes,gps,specialists,hospitals,edges,density,degree_min,degree_median,degree_mean,degree_max,gp_hospital_ties,gp_mean_degree,gp_mean_betweenness,gp_relative_centrality\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (territory, r) = rows[i];
            var ok = gate[i] == CellStatus.Published;
            var s = r.Summary;
            csv.Append(CultureInfo.InvariantCulture, $"{territory},{threshold},{(ok ? r.Persons : "")},{Status(gate[i])},{(ok ? s.Nodes : "")},{(ok ? r.Gps : "")},{(ok ? r.Specialists : "")},{(ok ? r.Hospitals : "")},{(ok ? s.Edges : "")},");
            csv.Append(CultureInfo.InvariantCulture, $"{V(ok, s.Density)},{(ok ? s.MinDegree : "")},{V(ok, s.MedianDegree)},{V(ok, s.MeanDegree)},{(ok ? s.MaxDegree : "")},{(ok ? s.GpHospitalTies : "")},");
            csv.Append(CultureInfo.InvariantCulture, $"{V(ok, r.GpMeanDegree)},{V(ok, r.GpMeanBetweenness)},{V(ok, r.GpRelativeCentrality)}\n");
        }

        return csv.ToString();
    }

    /// <summary>Per row, whether a rate may be published: its two cells (with, without) survive suppression.</summary>
    public static bool[] RateGate(IReadOnlyList<(string Territory, CoordinationTally Tally)> rows, CoordinationCount count, CoordinationCount of, int minCell)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var table = new long[rows.Count, 2];
        for (var i = 0; i < rows.Count; i++)
        {
            var x = rows[i].Tally[count];
            table[i, 0] = x;
            table[i, 1] = Math.Max(0, rows[i].Tally[of] - x);
        }

        var result = CellSuppression.Apply(table, minCell);
        return [.. Enumerable.Range(0, rows.Count).Select(i => result.StatusOf(i, 0) == CellStatus.Published && result.StatusOf(i, 1) == CellStatus.Published)];
    }

    private static string Status(CellStatus status) => status switch
    {
        CellStatus.Primary => "suppressed (small cell)",
        CellStatus.Complementary => "suppressed (complementary)",
        _ => "",
    };

    private static string V(bool shown, double value) => shown && !double.IsNaN(value) ? F(value) : "";

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
