using System.Globalization;
using OpenChronic.Analytics.Prediction.Evaluation;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>Console tables of a prediction run: metrics beside the true-risk AUC, and the benchmark's times and memory.</summary>
internal static class PredictTable
{
    public static void Print(string title, IReadOnlyList<ModelReport> reports, EvaluationResult? reference, IAnsiConsole console)
    {
        var table = new Table().Title(Markup.Escape(title))
            .AddColumns("model", "AUC [[95 % CI]]", "true-risk AUC", "AUPRC", "Brier", "slope", "slope recal.", "CITL recal.", "E-avg recal.");
        var trueAuc = reference is { } r ? Invariant($"{r.Auroc.Auc:F3}") : "—";
        foreach (var m in reports)
        {
            table.AddRow(m.Name, Markup.Escape(Invariant($"{m.Test.Auroc.Auc:F3} [{m.Test.Auroc.Low:F3}, {m.Test.Auroc.High:F3}]")), trueAuc, Invariant($"{m.Test.Auprc:F3}"),
                Invariant($"{m.Test.Brier.Brier:F4}"), Invariant($"{m.Test.Weak.Slope:F2}"), Markup.Escape(Invariant($"{m.TestRecalibrated.Weak.Slope:F2} [{m.TestRecalibrated.Weak.SlopeLow:F2}, {m.TestRecalibrated.Weak.SlopeHigh:F2}]")),
                Invariant($"{m.TestRecalibrated.InTheLarge.Intercept:F2}"), Invariant($"{m.TestRecalibrated.Errors.EAverage:F4}"));
        }

        console.Write(table);
    }

    public static void PrintBench(long persons, TimeSpan load, TimeSpan features, int rows, IReadOnlyList<ModelReport> reports, int cores, long peakBytes,
        IAnsiConsole console, IReadOnlyList<ModelReport>? regional = null)
    {
        var table = new Table().Title(Invariant($"bench predict: {persons:N0} persons, {cores} cores"))
            .AddColumns("step", "seconds", "rate");
        table.AddRow("load database into the grid", Invariant($"{load.TotalSeconds:F1}"), Invariant($"{persons / Math.Max(load.TotalSeconds, 1e-9):N0} persons/s"));
        table.AddRow("feature extraction (2 years)", Invariant($"{features.TotalSeconds:F1}"), Invariant($"{2 * persons / Math.Max(features.TotalSeconds, 1e-9):N0} person-years/s, {rows:N0} rows"));
        foreach (var m in reports)
        {
            table.AddRow(Invariant($"{m.Name}: cross-validation = training ({m.Selection.Candidates.Count} × {m.Selection.FoldModels.Count} folds; the model averages the fold models)"),
                Invariant($"{(m.SelectionTime + m.TrainingTime).TotalSeconds:F1}"), "");
        }

        foreach (var m in regional ?? [])
        {
            table.AddRow(Invariant($"{m.Name}, split by region: cross-validation = training"), Invariant($"{(m.SelectionTime + m.TrainingTime).TotalSeconds:F1}"), "");
        }

        table.AddRow("peak resident memory (VmHWM)", Invariant($"{peakBytes / (1024.0 * 1024):N0} MiB"), "");
        console.Write(table);
    }

    /// <summary>The process's peak resident set (VmHWM in /proc/self/status), or the runtime's peak working set elsewhere.</summary>
    public static long PeakResidentBytes()
    {
        const string path = "/proc/self/status";
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture, out var kb))
                {
                    return kb * 1024;
                }
            }
        }

        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
