using System.CommandLine;
using OpenChronic.Domain.Snds;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary><c>openchronic catalogue [TABLE]</c>: the SNDS tables Open Chronic reads, or one table's columns.</summary>
internal static class CatalogueCommand
{
    public static Command Create()
    {
        var table = new Argument<string?>("table") { Description = "A table name (e.g. ER_PRS_F, T_MCOaaB); all tables when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("catalogue", "List the SNDS tables Open Chronic reads, or the columns of one table.") { table };
        command.SetAction(parse => Run(parse.GetValue(table), AnsiConsole.Console));
        return command;
    }

    internal static int Run(string? tableName, IAnsiConsole console)
    {
        var catalogue = SndsCatalogue.Default;
        if (tableName is null)
        {
            var grid = new Table().AddColumns("table", "product", "partitioning", "columns", "primary key");
            foreach (var t in catalogue.Tables)
            {
                grid.AddRow(t.Name, Markup.Escape(t.Product), t.Partitioning.ToString(), t.Columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(", ", t.PrimaryKey));
            }

            console.Write(grid);
            return 0;
        }

        if (!catalogue.TryGetTable(tableName, out var table))
        {
            console.MarkupLineInterpolated($"[red]Unknown table {tableName}.[/] Known: {string.Join(", ", catalogue.Tables.Select(t => t.Name))}");
            return 2;
        }

        var columns = new Table().AddColumns("column", "type", "schema type", "length", "nomenclature", "key", "description");
        foreach (var c in table.Columns)
        {
            columns.AddRow(c.Name, c.Type.ToString(), c.SchemaType.ToString(), c.Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", c.Nomenclature ?? "", c.IsKey ? "yes" : "", Markup.Escape(c.Description));
        }

        console.Write(columns);
        return 0;
    }
}
