using System.Globalization;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>Prints what <c>bench build</c> measured: stages, throughput against the targets, memory.</summary>
internal static class BenchBuildReport
{
    /// <summary>Target of issue #4: source rows per second end to end on the 2-core machine.</summary>
    public const double TargetRowsPerSecond = 2_000_000;

    /// <summary>Target of issue #4: bytes per resident event beyond Orleans' per-grain overhead.</summary>
    public const double TargetBytesPerEvent = 40;

    public static void Show(IAnsiConsole console, BenchBuildResult r)
    {
        var table = new Table().Title("Stages").AddColumns("stage", "wall s", "CPU s", "source rows", "rows/s (wall)", "rows per CPU s");
        foreach (var s in r.Stages)
        {
            table.AddRow(Markup.Escape(s.Name), F(s.Seconds, 2), s.CpuSeconds > 0 ? F(s.CpuSeconds, 2) : "", s.Rows > 0 ? N(s.Rows) : "",
                s.Rows > 0 && s.Seconds > 0 ? N(s.Rows / s.Seconds) : "", s.Rows > 0 && s.CpuSeconds > 0 ? N(s.Rows / s.CpuSeconds) : "");
        }

        console.Write(table);
        var rowsPerSecond = r.IngestSeconds > 0 ? r.SourceRows / r.IngestSeconds : 0;
        var residentPerEvent = r.Events > 0 ? (double)(r.HeapResidentBytes - r.HeapBeforeBytes) / r.Events : 0;
        var timelinePerEvent = r.Events > 0 ? (double)r.TimelineBytes / r.Events : 0;
        var perPatient = r.Patients > 0 ? (double)(r.HeapResidentBytes - r.HeapBeforeBytes - r.TimelineBytes) / r.Patients : 0;
        var figures = new Table().Title("Build figures").AddColumns("figure", "value", "target");
        figures.AddRow("persons / source rows / events", $"{N(r.Patients)} / {N(r.SourceRows)} / {N(r.Events)}", "");
        figures.AddRow("rejected rows", N(r.RejectedRows), "");
        figures.AddRow("ingest + commit (wall / CPU)", $"{F(r.IngestSeconds, 1)} s / {F(r.IngestCpuSeconds, 1)} s", "");
        figures.AddRow("source rows/s (ingest, wall)", N(rowsPerSecond), N(TargetRowsPerSecond));
        figures.AddRow("source rows per CPU second (ingest)", r.IngestCpuSeconds > 0 ? N(r.SourceRows / r.IngestCpuSeconds) : "", "");
        figures.AddRow("events/s (ingest, wall)", r.IngestSeconds > 0 ? N(r.Events / r.IngestSeconds) : "", "");
        figures.AddRow("garbage collection during ingest + commit: pauses / allocated", $"{F(r.IngestGcPauseSeconds, 1)} s / {F(r.IngestAllocatedBytes / 1e9, 2)} GB ({F(r.SourceRows > 0 ? (double)r.IngestAllocatedBytes / r.SourceRows : 0, 0)} B per source row)", "");
        figures.AddRow("peak working set", $"{F(r.PeakWorkingSetBytes / 1048576.0, 0)} MiB", "");
        figures.AddRow("managed heap growth per resident event", $"{F(residentPerEvent, 1)} B", "");
        figures.AddRow("  of which the timeline arrays", $"{F(timelinePerEvent, 1)} B", $"≤ {F(TargetBytesPerEvent, 0)} B");
        figures.AddRow("  the rest, per patient (activation, committed state copy, partition)", $"{F(perPatient, 0)} B", "");
        figures.AddRow("machine", $"{r.Cores} cores, load average {F(r.LoadAverageBefore, 1)} before, {F(r.LoadAverageAfter, 1)} after", "");
        console.Write(figures);
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
