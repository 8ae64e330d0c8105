using System.CommandLine;
using System.Globalization;
using OpenChronic.Ingestion.Validation;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic validate DIR [--report PATH]</c>: tells whether an SNDS extract folder can be ingested.
/// Prints a summary per table and the problems, writes the full JSON report (person identifiers masked),
/// and exits 0 when ingestion is possible, 1 when an error makes it impossible, 2 on bad usage.
/// </summary>
internal static class ValidateCommand
{
    public const string DefaultReport = "validation-report.json";
    private const int MaxProblemRows = 60;

    public static Command Create()
    {
        var dir = new Argument<string?>("dir") { Description = "The extract folder (CSV, Parquet or Arrow IPC table files; sub-folders are walked, truth/ is skipped).", Arity = ArgumentArity.ZeroOrOne };
        var report = new Option<string>("--report") { Description = $"Where to write the JSON report (default: {DefaultReport} in the current folder).", DefaultValueFactory = _ => DefaultReport };
        var command = new Command("validate", "Check an SNDS extract before ingestion: columns, types, codes, keys; exit 0 when it can be ingested, 1 when not, 2 on bad usage.") { dir, report };
        command.SetAction((parse, cancellationToken) =>
            Task.FromResult(Run(parse.GetValue(dir), parse.GetValue(report) ?? DefaultReport, AnsiConsole.Console, cancellationToken)));
        return command;
    }

    internal static int Run(string? directory, string reportPath, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            console.MarkupLine(directory is null ? "[red]Usage: openchronic validate DIR [[--report PATH]][/]" : $"[red]No folder {Markup.Escape(directory)}.[/]");
            return 2;
        }

        var report = console.Profile.Capabilities.Interactive
            ? console.Progress().AutoClear(true).Start(context =>
            {
                var task = context.AddTask("discovering files");
                return ExtractValidator.Validate(directory, progress: new Reporter(p =>
                {
                    task.MaxValue = p.FileCount;
                    task.Value = p.FileIndex + (p.FileDone ? 1 : 0);
                    task.Description = Markup.Escape($"{p.File}: {p.RowsRead:N0} rows");
                }), cancellationToken: cancellationToken);
            })
            : ExtractValidator.Validate(directory, progress: new Reporter(p =>
            {
                if (p.FileDone)
                {
                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey][[{p.FileIndex + 1}/{p.FileCount}]] {p.File}: {p.RowsRead:N0} rows[/]");
                }
            }), cancellationToken: cancellationToken);

        Show(report, console);
        try
        {
            ValidationReportJson.Write(report, reportPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.MarkupLineInterpolated($"[red]Cannot write the report to {reportPath}: {e.Message}[/]");
            return 2;
        }

        console.MarkupLineInterpolated($"Report written to [bold]{Path.GetFullPath(reportPath)}[/].");
        console.MarkupLine(report.CanIngest
            ? "[green]The extract can be ingested[/] (rows with problems will be rejected or flagged)."
            : "[red]The extract cannot be ingested[/]: fix the errors above first.");
        return report.ExitCode;
    }

    private static void Show(ValidationReport report, IAnsiConsole console)
    {
        var tables = new Table().Title("Tables").AddColumns("table", "files", "rows", "rejected rows", "errors", "warnings");
        foreach (var t in report.Tables)
        {
            var problems = report.Problems.Where(p => p.Table == t.Table).ToList();
            tables.AddRow(
                Markup.Escape(t.Table),
                N(t.Files),
                N(t.Rows),
                N(t.RejectedRows),
                N(problems.Where(p => p.Severity == ValidationSeverity.Error).Sum(p => p.Count)),
                N(problems.Where(p => p.Severity == ValidationSeverity.Warning).Sum(p => p.Count)));
        }

        console.Write(tables);
        if (report.Problems.Count == 0)
        {
            console.MarkupLine("[green]No problem found.[/]");
        }
        else
        {
            var problems = new Table().Title("Problems").AddColumns("", "where", "count", "problem", "first example");
            foreach (var p in report.Problems.Take(MaxProblemRows))
            {
                problems.AddRow(
                    p.Severity == ValidationSeverity.Error ? "[red]error[/]" : "[yellow]warn[/]",
                    Markup.Escape(p.Column is null ? p.Table : $"{p.Table}.{ShortColumn(p.Column)}"),
                    N(p.Count),
                    $"[bold]{p.Kind}[/]: {Markup.Escape(p.Detail)}",
                    Markup.Escape(p.Examples.Count > 0 ? Describe(p.Examples[0]) : ""));
            }

            console.Write(problems);
            if (report.Problems.Count > MaxProblemRows)
            {
                console.MarkupLineInterpolated($"... and {report.Problems.Count - MaxProblemRows} more problems in the JSON report.");
            }
        }

        if (report.UnrecognisedFiles.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{report.UnrecognisedFiles.Count} file(s) are no catalogue table[/] and were not read: {string.Join(", ", report.UnrecognisedFiles.Take(10))}{(report.UnrecognisedFiles.Count > 10 ? ", ..." : "")}");
        }

        console.MarkupLineInterpolated($"[grey]{report.KeyCheckNote}[/]");
    }

    /// <summary>Key tuples as their first column and a count (the nine DCIR keys would fill the screen).</summary>
    private static string ShortColumn(string column)
    {
        var parts = column.Split('+');
        return parts.Length > 2 ? $"{parts[0]}+{parts.Length - 1} keys" : column;
    }

    private static string Describe(ProblemExample e)
    {
        var where = e.File is null ? "" : e.Row > 0 ? $"{e.File}:{e.Row}" : e.File;
        var value = e.Value is null ? "" : $" '{(e.Value.Length > 60 ? e.Value[..57] + "..." : e.Value)}'";
        var detail = e.Detail is null ? "" : $" ({e.Detail})";
        return (where + value + detail).Trim();
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Reports synchronously on the validating thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class Reporter(Action<ValidationProgress> report) : IProgress<ValidationProgress>
    {
        public void Report(ValidationProgress value) => report(value);
    }
}
