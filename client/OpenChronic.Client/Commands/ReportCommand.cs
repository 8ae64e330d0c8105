using System.CommandLine;
using System.Globalization;
using OpenChronic.Client.Grid;
using OpenChronic.Client.Report;
using OpenChronic.Grains;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic report --db DIR [--out FILE]</c>: loads a built database into the embedded grid, sums the pathway
/// figures inside the grid (partition by partition) and writes a self-contained HTML report.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "A built Open Chronic database.", Required = true };
        var output = new Option<string>("--out") { Description = "The HTML file to write.", DefaultValueFactory = _ => "report.html" };
        var minCell = new Option<int>("--min-cell") { Description = "Smallest count of persons shown.", DefaultValueFactory = _ => 11 };
        var command = new Command("report", "Write the HTML report of a built database (pathway figures).") { db, output, minCell };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.GetValue(db)!, parse.GetValue(output)!, parse.GetValue(minCell), AnsiConsole.Console, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string db, string output, int minCell, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (minCell < 1)
        {
            console.MarkupLine("[red]--min-cell must be at least 1.[/]");
            return 2;
        }

        await using var session = await DatabaseSession.OpenAsync(db, console, cancellationToken);
        var report = await PathwaysAsync(session.Grains, session.Manifest, session.Directory, session.Patients, session.Events, minCell, console);
        var path = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report.Build(), cancellationToken);
        console.MarkupLineInterpolated($"Report with {report.Figures} figures written to [bold]{path}[/].");
        return 0;
    }

    /// <summary>
    /// The report's data and pathway sections, summed in an already-loaded grid; the demo adds sections after the data
    /// overview (<paramref name="afterOverview"/>) and after the pathways.
    /// </summary>
    internal static async Task<HtmlReport> PathwaysAsync(IGrainFactory grains, DatabaseManifest manifest, string directory, long patients, long events, int minCell,
        IAnsiConsole console, Action<HtmlReport>? afterOverview = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(manifest);
        var years = manifest.Years;
        var request = new PatternRequest([.. years], new DateOnly(years.Min(), 1, 1).DayNumber, new DateOnly(years.Max(), 12, 31).DayNumber);
        console.MarkupLine("Summing the pathway figures in the grid…");
        var parts = await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => grains.GetGrain<IPartitionPatterns>(p).CountPatternsAsync(request).AsTask()));
        var counts = PatternCounts.Sum(parts);
        var report = new HtmlReport("Open Chronic report",
            string.Create(CultureInfo.InvariantCulture, $"Database {directory}: {patients:N0} patients, {events:N0} events; cells under {minCell} persons are not shown."));
        PathwayReport.Write(report, counts, manifest, PathwayReport.ReadBuild(directory), minCell, afterOverview);
        return report;
    }
}
