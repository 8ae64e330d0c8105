using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic synth</c>: generates a synthetic SNDS extract with its planted ground truth; with
/// <c>--stats</c> it also prints time, peak memory and rows per second per table (the generator benchmark).
/// </summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var patients = new Option<int>("--patients") { Description = "Number of persons.", DefaultValueFactory = _ => 10_000 };
        var years = new Option<string>("--years") { Description = "Care years, e.g. 2019-2021 or 2020.", DefaultValueFactory = _ => "2019-2021" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives byte-identical files.", DefaultValueFactory = _ => 1UL };
        var format = new Option<string>("--format") { Description = "parquet, csv or arrow.", DefaultValueFactory = _ => "parquet" };
        var output = new Option<string?>("--out") { Description = "Output folder (the truth goes to its truth/ subfolder)." };
        var defects = new Option<double>("--defects") { Description = "Share of rows made malformed on purpose (0 to 0.5).", DefaultValueFactory = _ => 0.0 };
        var stats = new Option<bool>("--stats") { Description = "Print time, peak memory and rows/s per table." };
        var command = new Command("synth", "Generate a synthetic SNDS extract with a planted ground truth.")
        {
            patients, years, seed, format, output, defects, stats,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(patients), parse.GetValue(years)!, parse.GetValue(seed), parse.GetValue(format)!, parse.GetValue(output),
            parse.GetValue(defects), parse.GetValue(stats), AnsiConsole.Console, cancellationToken)));
        return command;
    }

    internal static int Run(int patients, string years, ulong seed, string format, string? output, double defects, bool stats,
        IAnsiConsole console, CancellationToken cancellationToken = default)
    {
        if (!TryParseYears(years, out var first, out var last))
        {
            console.MarkupLineInterpolated($"[red]--years must look like 2019-2021 or 2020 (got '{years}').[/]");
            return 2;
        }

        SndsFileFormat? fileFormat = format.ToLowerInvariant() switch
        {
            "parquet" => SndsFileFormat.Parquet,
            "csv" => SndsFileFormat.Csv,
            "arrow" or "ipc" => SndsFileFormat.ArrowIpc,
            _ => null,
        };
        if (fileFormat is null)
        {
            console.MarkupLineInterpolated($"[red]--format must be parquet, csv or arrow (got '{format}').[/]");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            console.MarkupLine("[red]--out is required: the folder to write the extract to.[/]");
            return 2;
        }

        var options = new SynthOptions(patients, first, last, seed, fileFormat.Value, output, defects);
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }

        var progress = new Progress(console, patients);
        var result = SyntheticGenerator.Generate(options, progress, cancellationToken);
        console.MarkupLineInterpolated($"Wrote {result.Persons:N0} persons × {last - first + 1} years to [bold]{Path.GetFullPath(output)}[/] in {result.Elapsed.TotalSeconds:F1} s.");
        if (stats)
        {
            Stats(result, console);
        }

        return 0;
    }

    private static void Stats(SynthResult result, IAnsiConsole console)
    {
        using var process = Process.GetCurrentProcess();
        var seconds = Math.Max(result.Elapsed.TotalSeconds, 1e-9);
        var table = new Table().AddColumns("table", "rows", "rows/s");
        long total = 0;
        foreach (var (name, rows) in result.Rows)
        {
            total += rows;
            table.AddRow(name, rows.ToString("N0", CultureInfo.InvariantCulture), (rows / seconds).ToString("N0", CultureInfo.InvariantCulture));
        }

        table.AddRow("[bold]all[/]", total.ToString("N0", CultureInfo.InvariantCulture), (total / seconds).ToString("N0", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLineInterpolated(
            $"time {result.Elapsed.TotalSeconds:F1} s, peak RSS {PeakRssBytes(process) / (1024.0 * 1024.0):F0} MiB, {total / seconds:N0} rows/s, {Environment.ProcessorCount} cores");
    }

    /// <summary>Peak resident set size: VmHWM of /proc/self/status on Linux, else the peak working set.</summary>
    private static long PeakRssBytes(Process process)
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal) &&
                    long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                {
                    return kb * 1024;
                }
            }
        }

        return process.PeakWorkingSet64;
    }

    internal static bool TryParseYears(string text, out int first, out int last)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        first = last = 0;
        return parts.Length switch
        {
            1 => int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first) && (last = first) > 0,
            2 => int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first) &&
                 int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out last),
            _ => false,
        };
    }

    /// <summary>Prints a line every 5 % of the persons (plain lines, so it also reads well in logs).</summary>
    private sealed class Progress(IAnsiConsole console, int total) : IProgress<SynthProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _nextPercent = 5;

        public void Report(SynthProgress value)
        {
            var percent = (int)(100L * value.Done / Math.Max(1, total));
            if (percent < _nextPercent && value.Done < total)
            {
                return;
            }

            _nextPercent = percent / 5 * 5 + 5;
            console.MarkupLineInterpolated($"[grey]{value.Done:N0} / {total:N0} persons ({percent} %), {_clock.Elapsed.TotalSeconds:F0} s[/]");
        }
    }
}
