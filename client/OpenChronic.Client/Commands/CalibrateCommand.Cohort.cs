using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Releases;
using OpenChronic.Grains;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>calibrate --db DB --cohort C</c>: loads the database, restores the cohorts recorded under the releases root, and
/// asks the cohort grain to calibrate and publish the next release; prints the risk–utility table, the chosen policy
/// and the risks recorded in the release's manifest.
/// </summary>
internal static partial class CalibrateCommand
{
    internal static async Task<int> RunCohortAsync(Settings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var root = settings.Output ?? "releases";
        if (settings.Cohort is not { } cohort)
        {
            return Usage(console, "--db needs --cohort (a cohort created with 'cohort create')");
        }

        if (CohortRecords.PolicyText(settings.Policy) is not { } policy)
        {
            return Usage(console, $"no policy file {settings.Policy}");
        }

        if ((settings.Ks is null ? [] : Ks(settings.Ks)) is not { } ks)
        {
            return Usage(console, $"--k: '{settings.Ks}' is not a list of positive integers");
        }

        var (record, error) = CohortRecords.Read(root, cohort);
        if (record is null)
        {
            return Usage(console, error!);
        }

        await using var session = await DatabaseSession.OpenAsync(settings.Database!, console, cancellationToken).ConfigureAwait(false);
        await CohortCommand.RestoreAllAsync(session.Grains, root, console).ConfigureAwait(false);
        return await CalibrateOnGridAsync(session.Grains, settings with { Output = root }, policy, ks, console, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>calibrate --db --cohort</c> on an already-loaded grid whose cohorts are defined (the demo's): calibrates and
    /// publishes the cohort's next release under <c>settings.Output</c>.
    /// </summary>
    internal static async Task<int> CalibrateOnGridAsync(IGrainFactory grains, Settings settings, string policy, ImmutableArray<int> ks,
        IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(settings);
        var root = settings.Output ?? "releases";
        var cohort = settings.Cohort!;
        var watch = Stopwatch.StartNew();
        var t = settings.Target;
        var reply = await grains.GetGrain<ICohortCalibration>(cohort).CalibrateAsync(new CohortCalibrationRequest(policy, Path.GetFullPath(root),
            t.MaxHighestProsecutor, t.MaxAverageProsecutor, t.MaxAttackUpper, ks, settings.Seed, settings.Population)).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        PrintTable(console, reply.CalibrationCsv);
        if (reply.Release is not { } release)
        {
            console.MarkupLineInterpolated($"[red]Calibrated release refused: {reply.Refusal}[/]");
            return 1;
        }

        var manifest = JsonSerializer.Deserialize<ReleaseManifest>(
            await File.ReadAllTextAsync(Path.Combine(release.Directory, ReleaseManifest.FileName), cancellationToken).ConfigureAwait(false), ReleasePolicy.JsonOptions)!;
        var p = manifest.Policy;
        console.MarkupLineInterpolated($"Chosen: k = {p.K}, suppression limit {p.SuppressionLimit:P0}, {string.Join(", ", manifest.Generalization.Select(g => $"{g.Attribute} level {g.Level} of {g.MaxLevel}"))}{(p.Km is { } km ? $", pathway codes k^m with k = {km.K}, m = {km.M}" : "")}.");
        console.MarkupLineInterpolated($"Utility kept: [green]{1 - manifest.Utility.Loss:P1}[/] (1 − Loss), suppression {manifest.Utility.SuppressionRate:P1}; calibration and publication {seconds:F1} s.");
        var risks = new Table().AddColumns("measured risk", "value", "method");
        foreach (var r in manifest.MeasuredRisks)
        {
            risks.AddRow(Markup.Escape(r.Name), r.Value.ToString("G4", CultureInfo.InvariantCulture), Markup.Escape(r.Method));
        }

        console.Write(risks);
        console.MarkupLineInterpolated($"Release [bold]{cohort}/{release.Number}[/] written to [bold]{release.Directory}[/]: {release.Published:N0} persons published, {release.Suppressed:N0} suppressed, smallest class {release.AchievedK} (policy {release.Policy}); risk–utility table in calibration.csv.");
        return 0;
    }

    private static void PrintTable(IAnsiConsole console, string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return;
        }

        console.MarkupLine("Policies explored (attack columns: upper bound of the risk's 95 % interval):");
        var table = new Table().AddColumns([.. lines[0].Split(';').Select(Markup.Escape)]);
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith('#'))
            {
                console.MarkupLineInterpolated($"{line[1..].Trim()}");
                continue;
            }

            table.AddRow([.. line.Split(';').Select(Markup.Escape)]);
        }

        console.Write(table);
    }

    private static ImmutableArray<int>? Ks(string text)
    {
        var values = text.Split(',').Select(k => int.TryParse(k, CultureInfo.InvariantCulture, out var v) && v >= 1 ? v : 0).ToList();
        return values.Contains(0) ? null : [.. values];
    }

    private static int Usage(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}.[/]");
        return 2;
    }
}
