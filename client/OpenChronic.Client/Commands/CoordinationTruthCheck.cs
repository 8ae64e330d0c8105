using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Analytics.Coordination;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Compares the measured GP contact within 7 days of a heart-failure discharge with the rate the generator planted per
/// département (<c>truth/departement_effects.gp_visit_7d_after_hf_discharge</c>). The generator plants a GP visit on
/// days 1–7 with probability p; ordinary GP visits also fall in the window with probability b, so the measured rate is
/// r = p + (1 − p)·b. b is measured on the same stays in the background window (days 60–67, the same length) pooled
/// nationally, and p̂ = (r − b)/(1 − b), with a delta-method 95 % interval that carries the sampling error of r and
/// of b. Tolerance: the planted rate lies inside that interval for at least 90 % of the départements with 20 stays or
/// more (95 % expected), and the stay-weighted planted mean lies inside the pooled interval.
/// </summary>
internal static class CoordinationTruthCheck
{
    private const int MinStays = 20;

    public static int Run(string truth, SortedDictionary<string, CoordinationTerritory> territories, int[] years, IAnsiConsole console)
    {
        var path = Path.Combine(truth, "departement_effects.parquet");
        if (!File.Exists(path))
        {
            console.MarkupLineInterpolated($"[red]Missing {path}.[/]");
            return 2;
        }

        var planted = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT departement, CAST(gp_visit_7d_after_hf_discharge AS DOUBLE) FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                planted[r.GetString(0)] = r.GetDouble(1);
            }
        }

        var national = CoordinationGridQuery.National(territories.Values);
        var bn = Math.Max(1, national[CoordinationCount.BackgroundObserved]);
        var b = national[CoordinationCount.BackgroundGp] / (double)bn;
        var table = new Table().AddColumns("département", "stays", "measured ≤ 7 d", "p̂ (background removed)", "95 % interval", "planted", "inside");
        int checkedUnits = 0, inside = 0;
        double weightedPlanted = 0;
        long pooledStays = 0, pooledFollowed = 0;
        var outside = new List<string>();
        foreach (var (territory, t) in territories)
        {
            var n = t.Tally[CoordinationCount.Stays];
            var k = t.Tally[CoordinationCount.GpWithin7];
            if (n == 0 || !planted.TryGetValue(territory, out var p))
            {
                continue;
            }

            pooledStays += n;
            pooledFollowed += k;
            weightedPlanted += p * n;
            if (n < MinStays)
            {
                continue;
            }

            var (estimate, lo, hi) = Recovered(k, n, b, bn);
            var ok = p >= lo && p <= hi;
            checkedUnits++;
            inside += ok ? 1 : 0;
            if (!ok || p < 0.3)
            {
                outside.Add(territory);
                table.AddRow(territory, n.ToString(CultureInfo.InvariantCulture), F(k / (double)n), F(estimate), $"{F(lo)} – {F(hi)}", F(p), ok ? "yes" : "[red]no[/]");
            }
        }

        var (pooled, pooledLow, pooledHigh) = Recovered(pooledFollowed, Math.Max(1, pooledStays), b, bn);
        var plantedMean = weightedPlanted / Math.Max(1, pooledStays);
        var coverage = checkedUnits == 0 ? double.NaN : inside / (double)checkedUnits;
        console.MarkupLineInterpolated($"Truth check, GP within 7 days of an index stay, years {string.Join(", ", years)}: {pooledStays:N0} stays; background GP rate in an 8-day window b = {b:0.000} ({national[CoordinationCount.BackgroundObserved]:N0} observable stays).");
        console.MarkupLineInterpolated($"  Pooled: measured {pooledFollowed / (double)Math.Max(1, pooledStays):0.000}, background removed {pooled:0.000} (95 % {pooledLow:0.000} – {pooledHigh:0.000}); planted (stay-weighted) {plantedMean:0.000}; difference {pooled - plantedMean:+0.000;-0.000}.");
        console.MarkupLineInterpolated($"  Départements with ≥ {MinStays} stays: {checkedUnits}; planted rate inside the 95 % interval: {inside} ({coverage:P1}). Rows shown: outside, or planted outlier (< 0.3).");
        if (outside.Count > 0)
        {
            console.Write(table);
        }

        var passed = checkedUnits > 0 && coverage >= 0.9 && plantedMean >= pooledLow && plantedMean <= pooledHigh;
        console.MarkupLine(passed ? "[green]Planted follow-up rates recovered within the stated tolerance.[/]" : "[red]Planted follow-up rates NOT recovered within the stated tolerance.[/]");
        return passed ? 0 : 1;
    }

    /// <summary>p̂ = (r − b)/(1 − b) and its delta-method 95 % interval: Var = Var(r)/(1 − b)² + Var(b)·(1 − r)²/(1 − b)⁴.</summary>
    private static (double Estimate, double Low, double High) Recovered(long followed, long stays, double b, long backgroundStays)
    {
        var r = followed / (double)stays;
        var variance = (r * (1 - r) / stays / ((1 - b) * (1 - b))) + (b * (1 - b) / backgroundStays * Math.Pow(1 - r, 2) / Math.Pow(1 - b, 4));
        var estimate = (r - b) / (1 - b);
        var half = 1.959963984540054 * Math.Sqrt(variance);
        return (estimate, estimate - half, estimate + half);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
