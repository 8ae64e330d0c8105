using System.Globalization;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Privacy.Risk.Attacks;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>Prints a calibration's risk–utility table and the risks of a release.</summary>
internal static class CalibrateReport
{
    public static void PrintCandidates(IAnsiConsole console, CalibrationResult result)
    {
        console.MarkupLine("Policies explored (attack columns: upper bound of the risk's 95 % interval):");
        var grid = new Table().AddColumns("k", "supp", "levels", "smallest", "suppr.", "kept", "max", "avg", "single", "link", "infer", "verdict");
        foreach (var c in result.Candidates)
        {
            var u = c.Utility;
            grid.AddRow([.. new[]
            {
                I($"{c.K}"), I($"{c.SuppressionLimit:P0}"), c.Levels is { } l ? string.Join("", l) : "-",
                u is null ? "-" : I($"{u.SmallestClass:N0}"), u is null ? "-" : I($"{u.SuppressedRecords:N0}"),
                u is null ? "-" : I($"{c.UtilityKept:P1}"),
                I($"{c.HighestProsecutor:F3}"), I($"{c.AverageProsecutor:F3}"),
                Upper(c.Attacks?.SinglingOut), Upper(c.Attacks?.Linkability), Upper(c.Attacks?.Inference), c.Verdict,
            }.Select(Markup.Escape)]);
        }

        console.Write(grid);
        if (!result.SetCandidates.IsDefaultOrEmpty)
        {
            var sets = new Table().AddColumns("m", "k", "set loss", "kept", "suppressed codes", "k^m verified", "chosen");
            foreach (var s in result.SetCandidates)
            {
                sets.AddRow(I($"{s.M}"), I($"{s.K}"), I($"{s.InformationLoss:F3}"), I($"{s.UtilityKept:P1}"), I($"{s.SuppressedOccurrences:N0}"), s.Verified ? "yes" : "NO", s.Chosen ? "yes" : "");
            }

            console.Write(sets);
        }

        var epsilons = new Table().AddColumns("ε (counts)", "advantage bound", "95 % ±", "÷ median class", "meets", "chosen");
        foreach (var e in result.EpsilonCandidates)
        {
            epsilons.AddRow(I($"{e.Epsilon:G4}"), I($"{e.AdvantageBound:F4}"), I($"±{e.HalfWidth}"), I($"{e.RelativeHalfWidth:P1}"), e.MeetsTarget ? "yes" : "no", e.Chosen ? "yes" : "");
        }

        console.Write(epsilons);
    }

    public static void PrintRisk(IAnsiConsole console, ReleaseRisk risk)
    {
        var grid = new Table().AddColumns("measure", "value");
        void Row(string name, string value) => grid.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("records released / suppressed / classes", I($"{risk.Records:N0} / {risk.Suppressed:N0} / {risk.Classes:N0}"));
        Row("prosecutor: highest / average / records at risk", I($"{risk.Prosecutor.Highest:F4} / {risk.Prosecutor.Average:F4} / {risk.Prosecutor.RecordsAtRisk:P2} (> {risk.Prosecutor.Threshold:G3})"));
        Row("journalist: highest / average / records at risk", risk.Journalist is { } j
            ? I($"{j.Highest:F4} / {j.Average:F4} / {j.RecordsAtRisk:P2}")
            : "needs a population table (--originals)");
        Row("marketer", I($"{risk.Marketer:F4}"));
        Row("sample uniqueness", I($"{risk.SampleUniqueness:P2}"));
        if (risk.PopulationUniqueness is { } p)
        {
            Row(I($"population uniques (N = {p.PopulationSize:N0}): Pitman / Zayatz / SNB"), I($"{p.Pitman:N1} / {p.Zayatz:N1} / {p.Snb:N1}"));
            Row("population uniqueness (Dankar)", I($"{p.DankarFraction:P4} ({p.DankarModel})"));
        }

        if (risk.Attacks is { } attacks)
        {
            foreach (var (name, result) in attacks.All())
            {
                Row(name, I($"{Attack(result)}; {result.AttackSuccesses}/{result.ControlSuccesses}/{result.BaselineSuccesses} of {result.Attacks} (attack/control/baseline)"));
            }
        }
        else
        {
            Row("attacks", "not run (need --originals and --control)");
        }

        console.Write(grid);
    }

    private static string Upper(AttackResult? result) => result is null ? "-" : I($"{result.Risk.Upper:F3}");

    public static string Attack(AttackResult? result) =>
        result is null ? "-" : I($"{result.Risk.Value:F3} [{result.Risk.Lower:F3}, {result.Risk.Upper:F3}]");

    public static string LevelNames(QuasiIdentifierTable table, IReadOnlyList<int> levels) =>
        string.Join(", ", table.Columns.Select((c, i) => I($"{c.Name} level {levels[i]} of {c.Hierarchy.MaxLevel}")));

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
