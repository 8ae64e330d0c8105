using System.CommandLine;
using System.Globalization;
using OpenChronic.Api.Keys;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary><c>openchronic keys create|list|revoke|rotate</c>: API keys for operators (stored hashed in the state folder).</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var state = new Option<string>("--state") { Description = "Folder of the API keys.", DefaultValueFactory = _ => ".openchronic", Recursive = true };
        var name = new Option<string>("--name") { Description = "Who the key is for.", Required = true };
        var role = new Option<ApiRole>("--role") { Description = "agency, analyst or operator.", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "A cohort an agency key may read (repeat; * for all).", AllowMultipleArgumentsPerToken = true };
        var days = new Option<int>("--days") { Description = "Lifetime in days.", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "Create a key; its token is shown once.") { name, role, scopes, days };
        create.SetAction(parse => Run(AnsiConsole.Console, parse.GetValue(state)!, store =>
        {
            var (key, token) = store.Create(parse.GetValue(name)!, parse.GetValue(role), parse.GetValue(scopes) ?? [], TimeSpan.FromDays(parse.GetValue(days)));
            AnsiConsole.Console.MarkupLineInterpolated($"Key [bold]{key.Id}[/] ({key.Role}, scopes {string.Join(",", key.Scopes)}), expires {key.Expires:yyyy-MM-dd}. Token (shown once, keep it secret):");
            Console.WriteLine(token);
        }));

        var list = new Command("list", "List keys (never their secrets).");
        list.SetAction(parse => Run(AnsiConsole.Console, parse.GetValue(state)!, store =>
        {
            var table = new Table().AddColumns("id", "name", "role", "scopes", "created", "expires", "status");
            var now = DateTimeOffset.UtcNow;
            foreach (var k in store.List())
            {
                table.AddRow(k.Id, Markup.Escape(k.Name), k.Role.ToString(), Markup.Escape(string.Join(",", k.Scopes)), D(k.Created), D(k.Expires),
                    k.Revoked is not null ? "revoked" : k.IsActive(now) ? (k.ReplacedBy is null ? "active" : $"rotated to {k.ReplacedBy}") : "expired");
            }

            AnsiConsole.Console.Write(table);
        }));

        var id = new Argument<string>("id") { Description = "The key id." };
        var revoke = new Command("revoke", "Revoke a key at once.") { id };
        revoke.SetAction(parse => Run(AnsiConsole.Console, parse.GetValue(state)!, store =>
        {
            if (!store.Revoke(parse.GetValue(id)!))
            {
                throw new ArgumentException("no such key");
            }

            AnsiConsole.Console.MarkupLine("Revoked.");
        }));

        var grace = new Option<int>("--grace-hours") { Description = "Hours the old key keeps working.", DefaultValueFactory = _ => 24 };
        var rotate = new Command("rotate", "Replace a key: a new token, the old one expires after the grace period.") { id, grace, days };
        rotate.SetAction(parse => Run(AnsiConsole.Console, parse.GetValue(state)!, store =>
        {
            var rotated = store.Rotate(parse.GetValue(id)!, TimeSpan.FromHours(parse.GetValue(grace)), TimeSpan.FromDays(parse.GetValue(days)))
                ?? throw new ArgumentException("no such active key");
            AnsiConsole.Console.MarkupLineInterpolated($"New key [bold]{rotated.Key.Id}[/]; token (shown once):");
            Console.WriteLine(rotated.Token);
        }));

        return new Command("keys", "Manage the API keys of the agency API.") { state, create, list, revoke, rotate };
    }

    private static int Run(IAnsiConsole console, string state, Action<ApiKeyStore> action)
    {
        try
        {
            action(new ApiKeyStore(Path.GetFullPath(state), TimeProvider.System));
            return 0;
        }
        catch (ArgumentException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }
        catch (InvalidDataException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    private static string D(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
