using System.CommandLine;
using OpenChronic.Domain.Releases;
using OpenChronic.Domain.Releases.EventLevel;
using OpenChronic.Ingestion.Releases;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic verify-release DIR --policy P</c>: the independent check of a release directory against a policy,
/// from its files alone (hashes, k, l, k^m, suppression, cell sizes and recoverability of hidden cells). Exit 0 when it
/// passes, 1 when it does not, 2 on bad usage.
/// </summary>
internal static class VerifyReleaseCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "The release directory (releases/<cohort>/<n>)." };
        var policy = new Option<string>("--policy") { Description = "Privacy policy JSON file, or 'default'.", DefaultValueFactory = _ => "default" };
        var command = new Command("verify-release", "Check a release against a privacy policy from its files alone.") { dir, policy };
        command.SetAction(parse => Run(parse.GetValue(dir)!, parse.GetValue(policy)!, AnsiConsole.Console));
        return command;
    }

    internal static int Run(string dir, string policyArg, IAnsiConsole console)
    {
        if (!Directory.Exists(dir))
        {
            console.MarkupLineInterpolated($"[red]No release folder {dir}.[/]");
            return 2;
        }

        if (EventReleaseVerifier.IsEventLevel(dir))
        {
            return RunEventLevel(dir, console);
        }

        if (CohortRecords.PolicyText(policyArg) is not { } text)
        {
            console.MarkupLineInterpolated($"[red]No policy file {policyArg}.[/]");
            return 2;
        }

        var (policy, error) = ReleasePolicy.Parse(text);
        if (policy is null)
        {
            console.MarkupLineInterpolated($"[red]Policy {policyArg}: {error}[/]");
            return 2;
        }

        var result = ReleaseVerifier.Verify(dir, policy, new ParquetReleaseTable());
        if (result.Achieved is { } a)
        {
            console.MarkupLineInterpolated($"Re-derived from the files: k = {a.K}, distinct l = {a.DistinctL?.ToString() ?? "-"}, entropy l = {a.EntropyL?.ToString("F3") ?? "-"}, k^m support = {a.KmSupport?.ToString() ?? "-"} (m = {a.KmM?.ToString() ?? "-"}), smallest published cell = {a.SmallestPublishedCell}.");
        }

        foreach (var problem in result.Problems)
        {
            console.MarkupLineInterpolated($"[red]- {problem}[/]");
        }

        console.MarkupLine(result.Passed ? $"[green]PASS[/]: the release meets policy '{Markup.Escape(policy.Name)}'." : $"[red]FAIL[/]: {result.Problems.Count} problem(s).");
        return result.Passed ? 0 : 1;
    }

    // event-level releases (release-db) carry their policy; the check is against it, from the files alone
    private static int RunEventLevel(string dir, IAnsiConsole console)
    {
        var (problems, achieved) = EventReleaseVerifier.Verify(dir);
        if (achieved is { } a)
        {
            console.MarkupLineInterpolated($"Re-derived from the files: QI k = {a.QiK}, k^m support = {a.KmSupport} (m = {a.M}), sequence support = {a.SequenceSupport} (L = {a.L}).");
        }

        foreach (var problem in problems)
        {
            console.MarkupLineInterpolated($"[red]- {problem}[/]");
        }

        console.MarkupLine(problems.Count == 0 ? "[green]PASS[/]: the event-level release meets its policy." : $"[red]FAIL[/]: {problems.Count} problem(s).");
        return problems.Count == 0 ? 0 : 1;
    }
}
