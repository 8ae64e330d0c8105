using System.Collections.Immutable;

namespace OpenChronic.Analytics.Variability;

/// <summary>
/// An outlier planted by the synthetic generator (<c>truth/outliers</c>): level, unit id, indicator, planted and baseline
/// value, and the multiplier its unit also carries at the other level (for a planted establishment, its département's
/// multiplier of the same indicator, <c>truth/departement_effects</c>; 1 when none).
/// </summary>
public sealed record PlantedOutlier(string Level, string Id, string Indicator, double Planted, double Baseline, double Context = 1)
{
    /// <summary>True when the planted value is above the baseline (the unit should be flagged high).</summary>
    public bool High => Planted > Baseline;

    /// <summary>The effect the unit should show against the units with no planted effect: planted / baseline × context.</summary>
    public double Effect => Planted / Baseline * Context;
}

/// <summary>
/// How one planted outlier fared: compared or pooled, flagged in its direction beyond the adjusted 99.8 % limits or not,
/// and its effect measured against the reference units (the compared units with no planted effect): (O/E of the unit) /
/// (ΣO/ΣE of the reference units), with a 95 % interval on the log scale (standard error √(1/O + 1/ΣO)), beside the
/// planted effect (<see cref="PlantedOutlier.Effect"/>). The ratio to the reference units, not the O/E itself, is what the planted
/// multiplier predicts: the national rates behind E include the planted units.
/// </summary>
public readonly record struct PlantedDetection(
    string Id, bool Compared, bool Detected, double Ratio, FunnelPosition Flag, double Effect, double EffectLow, double EffectHigh, double PlantedEffect)
{
    /// <summary>True when the planted effect lies in the 95 % interval of the measured effect.</summary>
    public bool Recovered => PlantedEffect >= EffectLow && PlantedEffect <= EffectHigh;
}

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

    /// <summary>
    /// Units excused from the check of (<paramref name="indicator"/>, <paramref name="level"/>) because the same indicator
    /// is planted at the other level: the establishments of a planted département, the département of a planted establishment.
    /// </summary>
    public static HashSet<string> ExcusedUnits(IReadOnlyList<PlantedOutlier> planted, IReadOnlyDictionary<string, string> establishmentDepartement,
        string indicator, string level)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(establishmentDepartement);
        var same = planted.Where(p => p.Indicator == indicator).ToList();
        return level == "establishment"
            ? [.. establishmentDepartement.Where(e => same.Any(p => p.Level == "departement" && p.Id == e.Value)).Select(e => e.Key)]
            : [.. same.Where(p => p.Level == "establishment" && establishmentDepartement.ContainsKey(p.Id)).Select(p => establishmentDepartement[p.Id])];
    }

    /// <summary>Checks <paramref name="report"/> (one indicator at one level) against the planted outliers of that indicator and level.</summary>
    public static OutlierCheckResult Check(string indicator, string level, int year, VariabilityReport report,
        IReadOnlyList<PlantedOutlier> planted, IReadOnlySet<string> excused)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(excused);
        var units = report.Units.ToDictionary(u => u.Unit, StringComparer.Ordinal);
        var plantedIds = planted.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var reference = report.Units.Where(u => !plantedIds.Contains(u.Unit) && !excused.Contains(u.Unit)).ToArray();
        long referenceObserved = reference.Sum(u => u.Ratio.Observed);
        var referenceRatio = referenceObserved / reference.Sum(u => u.Ratio.Expected);
        var detections = ImmutableArray.CreateBuilder<PlantedDetection>(planted.Count);
        foreach (var p in planted)
        {
            var plantedEffect = p.Effect;
            if (units.TryGetValue(p.Id, out var u))
            {
                var wanted = p.High ? FunnelPosition.High998 : FunnelPosition.Low998;
                var effect = u.Ratio.Ratio / referenceRatio;
                var halfWidth = 1.959963984540054 * Math.Sqrt((1.0 / u.Ratio.Observed) + (1.0 / referenceObserved));
                detections.Add(new PlantedDetection(p.Id, true, u.AdjustedFlag == wanted, u.Ratio.Ratio, u.AdjustedFlag,
                    effect, effect * Math.Exp(-halfWidth), effect * Math.Exp(halfWidth), plantedEffect));
            }
            else
            {
                detections.Add(new PlantedDetection(p.Id, false, false, double.NaN, FunnelPosition.Within, double.NaN, double.NaN, double.NaN, plantedEffect));
            }
        }

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
