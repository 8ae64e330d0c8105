using System.CommandLine;
using System.Globalization;
using OpenChronic.Client.Grid;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Grains;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic cohort create|list|show|release</c>: defines cohorts over a built database (attrition table),
/// lists and shows the recorded ones, and publishes k-anonymous releases through the cohort grains under
/// <c>--out</c> (default <c>releases/</c>).
/// </summary>
internal static class CohortCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Releases root (cohort records and release directories).", DefaultValueFactory = _ => "releases" };
        var db = new Option<string>("--db") { Description = "The Open Chronic database folder.", Required = true };
        var definition = new Option<string>("--definition") { Description = "Definition JSON file, or an embedded example: " + string.Join(", ", CohortLibrary.Names), Required = true };
        var create = new Command("create", "Define a cohort over a database and print its attrition table.") { db, definition, output };
        create.SetAction((parse, ct) => CreateAsync(parse.GetValue(db)!, parse.GetValue(definition)!, parse.GetValue(output)!, AnsiConsole.Console, ct));

        var list = new Command("list", "List the recorded cohorts.") { output };
        list.SetAction(parse => List(parse.GetValue(output)!, AnsiConsole.Console));

        var name = new Argument<string>("cohort") { Description = "The cohort name." };
        var show = new Command("show", "Show a cohort's definition, attrition table and releases.") { name, output };
        show.SetAction(parse => Show(parse.GetValue(name)!, parse.GetValue(output)!, AnsiConsole.Console));

        var cohort = new Option<string>("--cohort") { Description = "The cohort to release.", Required = true };
        var policy = new Option<string>("--policy") { Description = "Privacy policy JSON file, or 'default'.", DefaultValueFactory = _ => "default" };
        var releaseDb = new Option<string>("--db") { Description = "The database the cohort was created on.", Required = true };
        var release = new Command("release", "Publish the next k-anonymous release of a cohort (refused when the policy cannot be met).") { releaseDb, cohort, policy, output };
        release.SetAction((parse, ct) => ReleaseAsync(parse.GetValue(releaseDb)!, parse.GetValue(cohort)!, parse.GetValue(policy)!, parse.GetValue(output)!, AnsiConsole.Console, ct));

        return new Command("cohort", "Cohorts and their k-anonymous releases.") { create, list, show, release };
    }

    internal static async Task<int> CreateAsync(string db, string definitionArg, string root, IAnsiConsole console, CancellationToken ct)
    {
        var (json, name, code) = Check(definitionArg, root, console);
        if (json is null)
        {
            return code;
        }

        await using var session = await DatabaseSession.OpenAsync(db, console, ct);
        return await DefineAsync(session.Grains, session.Directory, json, name!, root, console);
    }

    /// <summary><c>cohort create</c> on an already-loaded grid (the demo's): checks the definition, then defines and records the cohort.</summary>
    internal static async Task<int> CreateOnGridAsync(IGrainFactory grains, string database, string definitionArg, string root, IAnsiConsole console)
    {
        var (json, name, code) = Check(definitionArg, root, console);
        return json is null ? code : await DefineAsync(grains, database, json, name!, root, console);
    }

    // The definition text and cohort name, or null with the exit code after printing why.
    private static (string? Json, string? Name, int Code) Check(string definitionArg, string root, IAnsiConsole console)
    {
        if (CohortRecords.DefinitionText(definitionArg) is not { } json)
        {
            console.MarkupLineInterpolated($"[red]No definition file or example named {definitionArg}.[/]");
            return (null, null, 2);
        }

        var parsed = CohortDefinitionParser.Parse(json);
        if (parsed.Definition is not { } definition)
        {
            console.MarkupLineInterpolated($"[red]Definition {definitionArg}: {parsed.Error}[/]");
            return (null, null, 2);
        }

        if (CohortRecords.Releases(root, definition.Name).Length > 0 && CohortRecords.Read(root, definition.Name).Record?.Definition != json)
        {
            console.MarkupLineInterpolated($"[red]Cohort {definition.Name} has releases under {root}: its definition can no longer change.[/]");
            return (null, null, 1);
        }

        return (json, definition.Name, 0);
    }

    /// <summary>Defines a (checked) cohort on an already-loaded grid, records it under the root and prints its attrition table.</summary>
    private static async Task<int> DefineAsync(IGrainFactory grains, string database, string json, string name, string root, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var reply = await grains.GetGrain<ICohortGrain>(name).DefineAsync(json);
        if (reply.Cohort is not { } info)
        {
            console.MarkupLineInterpolated($"[red]Refused: {reply.Error}[/]");
            return 1;
        }

        CohortRecords.Write(root, new CohortRecord(info.Name, info.Label, json, database, info.Persons, info.Attrition));
        PrintAttrition(info.Name, info.Label, info.Persons, info.Attrition, console);
        console.MarkupLineInterpolated($"Recorded in [bold]{CohortRecords.PathOf(root, info.Name)}[/].");
        return 0;
    }

    internal static int List(string root, IAnsiConsole console)
    {
        var table = new Table().AddColumns("cohort", "label", "members", "releases");
        foreach (var name in CohortRecords.Names(root))
        {
            var (record, error) = CohortRecords.Read(root, name);
            table.AddRow(Markup.Escape(name), Markup.Escape(record?.Label ?? error ?? ""),
                record is null ? "" : (record.Attrition.IsDefaultOrEmpty ? record.Persons : record.Attrition[^1].Remaining).ToString("N0", CultureInfo.InvariantCulture),
                CohortRecords.Releases(root, name).Length.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        return 0;
    }

    internal static int Show(string name, string root, IAnsiConsole console)
    {
        var (record, error) = CohortRecords.Read(root, name);
        if (record is null)
        {
            console.MarkupLineInterpolated($"[red]{error}[/]");
            return 1;
        }

        PrintAttrition(record.Name, record.Label, record.Persons, record.Attrition, console);
        console.WriteLine(record.Definition);
        var releases = new Table().AddColumns("release", "policy", "created (UTC)", "published", "suppressed", "achieved k", "directory");
        foreach (var r in CohortRecords.Releases(root, name))
        {
            releases.AddRow(r.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Policy), r.Created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                r.Published.ToString("N0", CultureInfo.InvariantCulture), r.Suppressed.ToString("N0", CultureInfo.InvariantCulture),
                r.AchievedK.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Directory));
        }

        console.Write(releases);
        return 0;
    }

    internal static async Task<int> ReleaseAsync(string db, string cohort, string policyArg, string root, IAnsiConsole console, CancellationToken ct)
    {
        if (CohortRecords.PolicyText(policyArg) is not { } policy)
        {
            console.MarkupLineInterpolated($"[red]No policy file {policyArg}.[/]");
            return 2;
        }

        var (record, error) = CohortRecords.Read(root, cohort);
        if (record is null)
        {
            console.MarkupLineInterpolated($"[red]{error}[/]");
            return 2;
        }

        await using var session = await DatabaseSession.OpenAsync(db, console, ct);
        await RestoreAllAsync(session.Grains, root, console);
        var reply = await session.Grains.GetGrain<ICohortGrain>(cohort).ReleaseAsync(new ReleaseRequest(policy, Path.GetFullPath(root)));
        if (reply.Release is not { } r)
        {
            console.MarkupLineInterpolated($"[red]Release refused: {reply.Refusal}[/]");
            return 1;
        }

        console.MarkupLineInterpolated($"Release [bold]{cohort}/{r.Number}[/] written to [bold]{r.Directory}[/]: {r.Published:N0} persons published, {r.Suppressed:N0} suppressed, smallest class {r.AchievedK} (policy {r.Policy}).");
        return 0;
    }

    /// <summary>Restores every cohort recorded under the root, with its releases, so that a new release is checked against them all.</summary>
    internal static async Task RestoreAllAsync(IGrainFactory grains, string root, IAnsiConsole console)
    {
        foreach (var name in CohortRecords.Names(root))
        {
            if (CohortRecords.Read(root, name).Record is { } other)
            {
                var restored = await grains.GetGrain<ICohortGrain>(name).RestoreAsync(other.Definition, CohortRecords.Releases(root, name));
                if (restored.Cohort is null)
                {
                    console.MarkupLineInterpolated($"[yellow]Cohort {name} could not be restored: {restored.Error}[/]");
                }
            }
        }
    }

    private static void PrintAttrition(string name, string label, long persons, IReadOnlyList<AttritionStepWire> steps, IAnsiConsole console)
    {
        console.MarkupLineInterpolated($"[bold]{name}[/]: {label}");
        var table = new Table().AddColumns("step", "remaining", "removed");
        table.AddRow("all persons of the database", persons.ToString("N0", CultureInfo.InvariantCulture), "");
        foreach (var s in steps)
        {
            table.AddRow(Markup.Escape(s.Name), s.Remaining.ToString("N0", CultureInfo.InvariantCulture), s.Removed.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }
}
