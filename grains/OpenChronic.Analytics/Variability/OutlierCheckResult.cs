using System.Collections.Immutable;

namespace OpenChronic.Analytics.Variability;

/// <summary>An outlier planted by the synthetic generator (<c>truth/outliers</c>): level, unit id, indicator, planted and baseline value.</summary>
public sealed record PlantedOutlier(string Level, string Id, string Indicator, double Planted, double Baseline)
{
    /// <summary>True when the planted value is above the baseline (the unit should be flagged high).</summary>
    public bool High => Planted > Baseline;
}

/// <summary>How one planted outlier fared: compared or pooled, flagged in its direction beyond the adjusted 99.8 % limits or not.</summary>
public readonly record struct PlantedDetection(string Id, bool Compared, bool Detected, double Ratio, FunnelPosition Flag);

/// <summary>
/// Planted outliers against the flags of one indicator at one level: detections, and false positives among the
/// compared units that hold no planted effect (units whose effect is planted at another level — an establishment of
/// a planted département, a département of a planted establishment — are excused, neither true nor false).
/// </summary>
public sealed record OutlierCheckResult(
    string Indicator,
    string Level,
    int Year,
    ImmutableArray<PlantedDetection> Planted,
    int Compared,
    int Excused,
    int NonPlanted,
    int FalsePositives)
{
    public int Detected => Planted.Count(p => p.Detected);

    /// <summary>False positives / compared units with no planted effect.</summary>
    public double FalsePositiveRate => NonPlanted > 0 ? FalsePositives / (double)NonPlanted : 0;

    /// <summary>Checks <paramref name="report"/> (one indicator at one level) against the planted outliers of that indicator and level.</summary>
    public static OutlierCheckResult Check(string indicator, string level, int year, VariabilityReport report,
        IReadOnlyList<PlantedOutlier> planted, IReadOnlySet<string> excused)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(excused);
        var units = report.Units.ToDictionary(u => u.Unit, StringComparer.Ordinal);
        var detections = ImmutableArray.CreateBuilder<PlantedDetection>(planted.Count);
        foreach (var p in planted)
        {
            if (units.TryGetValue(p.Id, out var u))
            {
                var wanted = p.High ? FunnelPosition.High998 : FunnelPosition.Low998;
                detections.Add(new PlantedDetection(p.Id, true, u.AdjustedFlag == wanted, u.Ratio.Ratio, u.AdjustedFlag));
            }
            else
            {
                detections.Add(new PlantedDetection(p.Id, false, false, double.NaN, FunnelPosition.Within));
            }
        }

        var plantedIds = planted.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        int excusedCount = 0, nonPlanted = 0, falsePositives = 0;
        foreach (var u in report.Units)
        {
            if (plantedIds.Contains(u.Unit))
            {
                continue;
            }

            if (excused.Contains(u.Unit))
            {
                excusedCount++;
                continue;
            }

            nonPlanted++;
            if (u.AdjustedFlag is FunnelPosition.High998 or FunnelPosition.Low998)
            {
                falsePositives++;
            }
        }

        return new OutlierCheckResult(indicator, level, year, detections.MoveToImmutable(), report.Units.Length, excusedCount, nonPlanted, falsePositives);
    }
}
