using System.Globalization;
using OpenChronic.Domain.Privacy.Calibration;

namespace OpenChronic.Client.Report;

/// <summary>The privacy section: each cohort's calibrated release, from its released files (manifest and calibration.csv).</summary>
internal static partial class DemoReport
{
    private static void Privacy(HtmlReport report, Commands.DemoRun run)
    {
        var target = new CalibrationTarget();
        report.Section("privacy", "Privacy of the releases", ReportScope.Released,
            "Each cohort's release was calibrated by its cohort grain: policies explored from the default policy upwards (k, suppression limit, generalization levels), " +
            F($"the one that meets the risk target (highest prosecutor ≤ {target.MaxHighestProsecutor:P0}, average ≤ {target.MaxAverageProsecutor:P0}, upper 95 % bound of every attack ≤ {target.MaxAttackUpper:P0}) with the best utility published. ") +
            "Figures from the release manifests (achieved values re-derived from the published files) and from calibration.csv.");
        if (run.ReleaseResults.Count == 0)
        {
            report.Paragraph("No release was calibrated in this run (see the console and summary.json).");
            return;
        }

        report.Table("Policies and achieved anonymity", ["cohort", "release", "policy", "k (policy)", "k^m (policy)", "achieved k", "distinct l", "entropy l", "k^m support (m)",
            "published", "suppressed", "utility kept"],
            run.ReleaseResults.Select(r => r.Manifest is not { } m
                ? (IReadOnlyList<string>)[r.Cohort, "refused", r.Refusal ?? "", "", "", "", "", "", "", "", "", ""]
                : [r.Cohort, m.Release.ToString(CultureInfo.InvariantCulture), m.Policy.Name, m.Policy.K.ToString(CultureInfo.InvariantCulture),
                    m.Policy.Km is { } km ? F($"k = {km.K}, m = {km.M}") : "—", m.Achieved.K.ToString(CultureInfo.InvariantCulture), Opt(m.Achieved.DistinctL),
                    m.Achieved.EntropyL is { } e ? F($"{e:F2}") : "—", m.Achieved.KmSupport is { } s ? F($"{s} ({m.Achieved.KmM})") : "—",
                    m.PublishedRecords.ToString("N0", CultureInfo.InvariantCulture), m.SuppressedRecords.ToString("N0", CultureInfo.InvariantCulture),
                    F($"{1 - m.Utility.Loss:P1}")]));
        var released = run.ReleaseResults.Where(r => r.Manifest is not null).ToList();
        var names = released.SelectMany(r => r.Manifest!.MeasuredRisks.Select(x => x.Name)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            report.Table("Measured re-identification risks", ["risk", .. released.Select(r => r.Cohort), "method"],
                names.Select(n => (IReadOnlyList<string>)[n, .. released.Select(r => r.Manifest!.MeasuredRisks.FirstOrDefault(x => x.Name == n) is { } x ? F($"{x.Value:G4}") : "—"),
                    released.SelectMany(r => r.Manifest!.MeasuredRisks).First(x => x.Name == n).Method]));
        }

        var curves = released.Select(r => (r.Cohort, Points: (IReadOnlyList<RiskUtilitySvg.Point>)Curve(Path.Combine(r.Directory!, CalibrationTable.CsvFile)))).Where(c => c.Points.Count > 0).ToList();
        if (curves.Count > 0)
        {
            report.Figure(RiskUtilitySvg.Render(curves, target.MaxHighestProsecutor, "Risk–utility curves of the calibrations"),
                "Policies explored by each calibration: highest prosecutor risk against utility kept; the upper-left frontier joined, the chosen policy ringed.");
        }
    }

    // The explored policies of a calibration.csv (';'-separated; '#' lines are comments); rows without utility were infeasible.
    private static List<RiskUtilitySvg.Point> Curve(string path)
    {
        var points = new List<RiskUtilitySvg.Point>();
        if (!File.Exists(path))
        {
            return points;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(';');
            if (line.StartsWith('#') || f.Length < 12
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var utility)
                || !double.TryParse(f[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var risk)
                || !double.IsFinite(utility) || !double.IsFinite(risk))
            {
                continue;
            }

            points.Add(new RiskUtilitySvg.Point(risk, utility, f[11].Trim() == "chosen", $"k = {f[0]}, suppression ≤ {f[1]}"));
        }

        return points;
    }

    private static string Opt(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
