using System.Collections.Immutable;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpenChronic.Analytics.ReleaseUtility;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;
using OpenChronic.Ingestion.Database;
using OpenChronic.Ingestion.Releases;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic release-db --db D --scope all-ald|all|ald:N --policy P|default --out R [--secret S]</c>: the
/// event-level release of a built database's pathways (docs/release-db.md): persons and events tables (CSV and
/// Parquet), <c>release.json</c> with the guarantees re-derived from the written files, suppression, measured risks,
/// utility, loss and hashes, and <c>utility.md</c>. With <c>--policy default</c> the policy is calibrated
/// (<see cref="EventReleaseCalibrator"/>: the least-loss policy of a lattice meeting the default target risk); a policy
/// file is applied as given. Prints the time of every stage and the peak RSS. The secret keying the pseudonyms is never written (a random one when none is given). Exit 0
/// when released, 1 when the policy cannot be met or a check fails, 2 on bad usage.
/// </summary>
internal static class ReleaseDbCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The built database folder.", Required = true };
        var scope = new Option<string>("--scope") { Description = "all-ald, all or ald:N (one ALD number).", DefaultValueFactory = _ => "all-ald" };
        var policy = new Option<string>("--policy") { Description = "Event release policy JSON file, or 'default'.", DefaultValueFactory = _ => "default" };
        var output = new Option<string>("--out") { Description = "The release folder to create.", Required = true };
        var secret = new Option<string?>("--secret") { Description = "Passphrase keying the pseudonyms (random when absent; never stored)." };
        var command = new Command("release-db", "Release the database's event-level pathways under a calibrated policy.") { db, scope, policy, output, secret };
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(scope)!, parse.GetValue(policy)!, parse.GetValue(output)!, parse.GetValue(secret), AnsiConsole.Console));
        return command;
    }

    internal static int Run(string db, string scope, string policyArg, string output, string? secret, IAnsiConsole console)
    {
        EventReleasePolicy? policy = EventReleasePolicy.Default;
        if (policyArg != "default")
        {
            if (!File.Exists(policyArg))
            {
                console.MarkupLineInterpolated($"[red]No policy file {policyArg}.[/]");
                return 2;
            }

            (policy, var error) = EventReleasePolicy.Parse(File.ReadAllText(policyArg));
            if (policy is null)
            {
                console.MarkupLineInterpolated($"[red]Policy {policyArg}: {error}[/]");
                return 2;
            }
        }

        if (scope is not ("all" or "all-ald") && !scope.StartsWith("ald:", StringComparison.Ordinal))
        {
            console.MarkupLineInterpolated($"[red]Unknown scope {scope} (all-ald, all or ald:N).[/]");
            return 2;
        }

        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            console.MarkupLineInterpolated($"[red]{output} exists and is not empty.[/]");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var persons = new List<PathwayPerson>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var p in DatabaseReader.Open(db).ReadPatients())
            {
                var person = new PathwayPerson(p.Id.ToString("N"), p.Sex, p.BirthYear, p.Departement, p.Events);
                if (EventReleaseBuilder.InScope(person, scope))
                {
                    persons.Add(person);
                    keys.Add(person.Key);
                }
            }
        }
        catch (DatabaseFormatException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }

        var stages = new List<(string Stage, double Seconds)> { ("load", clock.Elapsed.TotalSeconds) };
        var key = secret is null ? RandomNumberGenerator.GetBytes(32) : SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        EventCalibration? calibration = null;
        EventRelease release;
        if (policyArg == "default")
        {
            var target = new CalibrationTarget();
            calibration = EventReleaseCalibrator.Calibrate(persons, EventReleaseCalibrator.Lattice(policy, target), target, key, 1000, seed: 1,
                c => console.MarkupLineInterpolated($"  candidate {c.Policy.Name} (k = {c.Policy.K}, territory {c.Territory}): loss {c.Loss:F4}, precision {c.ItemPrecision:F3}, suppressed {c.SuppressedEvents:P1}{(c.Utility is { } u ? ", " + string.Join(", ", u.Select(f => $"{f.Name} {f.Value:F4}")) : "")}: {c.Verdict}"),
                r => CandidateUtilityCheck.Evaluate(persons, r, seed: 1));
            if (calibration.Release is null)
            {
                console.MarkupLine("[red]Refused[/]: no candidate policy meets the default target risk.");
                return 1;
            }

            release = calibration.Release;
            policy = release.Policy;
        }
        else
        {
            release = EventReleaseBuilder.Build(persons, policy, key);
        }

        Lap(stages, "protect", clock);
        if (release.Refusal is { } refusal)
        {
            console.MarkupLineInterpolated($"[red]Refused[/]: {refusal}");
            return 1;
        }

        Directory.CreateDirectory(output);
        var personRows = EventReleaseRows.PersonRows(release.Persons);
        var eventRows = EventReleaseRows.EventRows(release.Events);
        EventReleaseRows.WriteCsv(Path.Combine(output, EventReleaseRows.PersonsCsv), EventReleaseRows.PersonColumns, personRows);
        EventReleaseRows.WriteCsv(Path.Combine(output, EventReleaseRows.EventsCsv), EventReleaseRows.EventColumns, eventRows);
        var parquet = new ParquetReleaseTable();
        parquet.Write(Path.Combine(output, "persons.parquet"), EventReleaseRows.PersonColumns, personRows);
        parquet.Write(Path.Combine(output, "events.parquet"), EventReleaseRows.EventColumns, eventRows);
        Lap(stages, "write", clock);

        // every figure below is re-derived from the written files
        var problems = new List<string>();
        var filePersons = EventReleaseRows.ReadCsv(Path.Combine(output, EventReleaseRows.PersonsCsv), EventReleaseRows.PersonColumns, problems);
        var fileEvents = EventReleaseRows.ReadCsv(Path.Combine(output, EventReleaseRows.EventsCsv), EventReleaseRows.EventColumns, problems);
        var achieved = EventReleaseVerifier.Check(filePersons, fileEvents, policy, problems);
        Lap(stages, "check", clock);
        var risks = EventRisk.Measure(filePersons, fileEvents, policy.M, Math.Min(1000, filePersons.Count), seed: 1);
        Lap(stages, "risks", clock);
        IReadOnlyList<UtilityFigure> utility = [.. ReleaseDbUtility.Compute(persons, release, seed: 1), .. ReleaseDbUtility.WriteTerritories(output, persons, release, key)];
        Lap(stages, "utility", clock);
        var files = new[] { EventReleaseRows.PersonsCsv, EventReleaseRows.EventsCsv, "persons.parquet", "events.parquet", TerritoryTables.FileName }
            .Select(f => new ReleaseFile(f, new FileInfo(Path.Combine(output, f)).Length, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(output, f))))))
            .ToImmutableArray();
        var manifest = new EventReleaseManifest(EventReleaseManifest.CurrentFormat, EventReleaseManifest.EventLevelKind, scope, TimeProvider.System.GetUtcNow(),
            policy, release.Territory, release.InScope, release.Persons.Length, release.Events.Length, release.SuppressedPersons, release.OriginalEvents,
            release.SuppressedEvents, release.InformationLoss, achieved, risks, [.. EventUtility.Compare(release), .. ReleaseDbUtility.ForManifest(utility)], files,
            EventLoss.Of(release), calibration?.Candidates, release.Systems);
        File.WriteAllText(Path.Combine(output, ReleaseManifest.FileName), JsonSerializer.Serialize(manifest, ReleasePolicy.JsonOptions));
        ReleaseDbUtility.Write(output, utility, release, calibration);
        if (secret is not null)
        {
            keys.Add(secret);
        }

        problems.AddRange(IdentifierScan.Scan(output, keys));
        Lap(stages, "scan", clock);
        console.MarkupLineInterpolated($"{release.InScope} persons in scope, {release.Persons.Length} released ({release.SuppressedPersons} withheld), {release.Events.Length} events ({release.SuppressedEvents} of {release.OriginalEvents} suppressed), policy {policy.Name} (k = {policy.K}), territory {release.Territory}, loss {EventLoss.Of(release):F4}.");
        console.MarkupLineInterpolated($"Re-derived from the files: QI k = {achieved.QiK}, k^m support = {achieved.KmSupport} (m = {achieved.M}), sequence support = {achieved.SequenceSupport} (L = {achieved.L}).");
        foreach (var s in release.Systems)
        {
            console.MarkupLineInterpolated($"  {s.Kind}: {s.Items} items, {s.Suppressed} suppressed, {s.CodeGeneralized} code generalized, {s.PeriodCoarsened} period coarsened");
        }

        foreach (var risk in risks)
        {
            console.MarkupLineInterpolated($"  {risk.Name} = {risk.Value:F4}");
        }

        foreach (var figure in utility)
        {
            console.MarkupLineInterpolated($"  {figure.Name} = {figure.Value:F4}{(figure.Target is null ? "" : $" (target {figure.Target}: {(EventUtilityReport.Met(figure) ? "met" : "missed")})")}");
        }

        console.MarkupLineInterpolated($"Stages: {string.Join(", ", stages.Select(s => $"{s.Stage} {s.Seconds:F1} s"))}; total {clock.Elapsed.TotalSeconds:F1} s; peak RSS (VmHWM) {PeakRssMiB()} MiB.");
        foreach (var problem in problems)
        {
            console.MarkupLineInterpolated($"[red]- {problem}[/]");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static void Lap(List<(string Stage, double Seconds)> stages, string stage, Stopwatch clock) =>
        stages.Add((stage, clock.Elapsed.TotalSeconds - stages.Sum(s => s.Seconds)));

    /// <summary>Peak resident set size in MiB: VmHWM of /proc/self/status on Linux, else the peak working set.</summary>
    private static long PeakRssMiB()
    {
        const string Status = "/proc/self/status";
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal) &&
                    long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
                {
                    return kb / 1024;
                }
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / 1048576;
    }
}
