using System.CommandLine;
using System.Diagnostics;
using OpenChronic.Domain.Privacy.Calibration;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench calibrate</c>: generates a seeded cohort (100,000 persons by default), calibrates its
/// release against the default target and reports the choice, the utility kept, the measured risks and the time.
/// </summary>
internal static class BenchCalibrateCommand
{
    public static Command Create()
    {
        var persons = new Option<int>("--persons") { Description = "Persons in the generated cohort.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the cohort and of the calibration.", DefaultValueFactory = _ => 20261129 };
        var write = new Option<string?>("--write") { Description = "Also write the cohort as a microdata file (input for calibrate)." };
        var command = new Command("calibrate", "Time the calibration of a release of a generated cohort against the default target.") { persons, seed, write };
        command.SetAction(parse => Run(parse.GetValue(persons), parse.GetValue(seed), parse.GetValue(write), AnsiConsole.Console));
        return command;
    }

    internal static int Run(int persons, int seed, string? write, IAnsiConsole console)
    {
        if (persons < 100)
        {
            console.MarkupLine("[red]--persons must be at least 100.[/]");
            return 2;
        }

        var generate = Stopwatch.StartNew();
        var cohort = BenchCalibrateCohort.Generate(persons, seed);
        var generation = generate.Elapsed.TotalSeconds;
        if (write is not null)
        {
            BenchCalibrateCohort.Write(cohort, write);
        }

        var target = new CalibrationTarget();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = ReleaseCalibrator.Calibrate(cohort, target, CalibrationOptions.Default((ulong)seed));
        var wall = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        CalibrateReport.PrintCandidates(console, result);
        if (result is not { Chosen: { } chosen, Risk: { } risk })
        {
            console.MarkupLine("[red]No explored policy meets the default target.[/]");
            return 1;
        }

        console.MarkupLineInterpolated($"Cohort of {persons:N0} generated in {generation:F2} s (not counted). Calibration: {wall:F2} s wall, {cpuSeconds:F2} s CPU, {Environment.ProcessorCount} processors.");
        console.MarkupLineInterpolated($"Chosen: k = {chosen.K}, suppression limit {chosen.SuppressionLimit:P0}, {CalibrateReport.LevelNames(cohort.Table, chosen.Levels!.Value)}; m = {result.SetCandidates.FirstOrDefault(s => s.Chosen)?.M}, ε = {result.ChosenEpsilon}.");
        console.MarkupLineInterpolated($"Utility kept: [green]{chosen.UtilityKept:P1}[/] of the quasi-identifiers (1 − Loss), {chosen.Utility!.SuppressedRecords:N0} records suppressed; condition sets {result.SetCandidates.FirstOrDefault(s => s.Chosen)?.UtilityKept:P1}.");
        CalibrateReport.PrintRisk(console, risk);
        return 0;
    }
}
