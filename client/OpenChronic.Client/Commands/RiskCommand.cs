using System.CommandLine;
using System.Text.Json;
using OpenChronic.Domain.Privacy.Anonymity;
using OpenChronic.Domain.Privacy.Calibration;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic risk RELEASE.csv --qi col[:hierarchy],...</c>: measures the re-identification risk of any
/// release: prosecutor, marketer, sample and population uniqueness from the release alone; journalist risk against
/// the originals (the identification database); and the singling-out, linkability and inference attacks when the
/// originals behind the release and held-out control originals are given (recoded to the release's levels).
/// </summary>
internal static class RiskCommand
{
    internal sealed record Settings(
        string Release, string Qi, string? Originals, string? Control, string? Secret, char Separator, double Threshold,
        long Population, int Attacks, ulong Seed, string? Json);

    public static Command Create()
    {
        var release = new Argument<string>("release") { Description = "The release: a header line, one row per record." };
        var qi = new Option<string>("--qi") { Description = "Quasi-identifiers as col[:hierarchy],... (hierarchy needed to recode the originals).", Required = true };
        var originals = new Option<string?>("--originals") { Description = "The people the release was built from, with original values." };
        var control = new Option<string?>("--control") { Description = "Held-out people of the same population, not in the release (for the attacks)." };
        var secret = new Option<string?>("--secret") { Description = "A column present in all files for the inference attack." };
        var separator = new Option<char>("--separator") { Description = "Field separator.", DefaultValueFactory = _ => ';' };
        var threshold = new Option<double>("--threshold") { Description = "Record risk threshold for 'records at risk'.", DefaultValueFactory = _ => 0.09 };
        var population = new Option<long>("--population") { Description = "Population size for population uniqueness.", DefaultValueFactory = _ => 67_000_000 };
        var attacks = new Option<int>("--attacks") { Description = "Attempts per attack.", DefaultValueFactory = _ => 500 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the attacks.", DefaultValueFactory = _ => 1UL };
        var json = new Option<string?>("--json") { Description = "Also write the measured risks to this JSON file." };
        var command = new Command("risk", "Measure the re-identification risk of a release.")
        {
            release, qi, originals, control, secret, separator, threshold, population, attacks, seed, json,
        };
        command.SetAction(parse => Run(new Settings(parse.GetValue(release)!, parse.GetValue(qi)!, parse.GetValue(originals), parse.GetValue(control),
            parse.GetValue(secret), parse.GetValue(separator), parse.GetValue(threshold), parse.GetValue(population), parse.GetValue(attacks),
            parse.GetValue(seed), parse.GetValue(json)), AnsiConsole.Console));
        return command;
    }

    internal static int Run(Settings settings, IAnsiConsole console)
    {
        var specs = settings.Qi.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(CalibrateInput.ParseSpec).ToList();
        var input = new RiskInput([.. specs.Select(s => s.Column)], settings.Separator);
        var release = input.Read(settings.Release, settings.Secret, null);
        if (release is not { } r || r.Columns[0].Length == 0)
        {
            Report(console, input, "the release has no readable record");
            return 2;
        }

        int[][]? originals = null, control = null;
        int[]? originalSecret = null, controlSecret = null;
        if (settings.Originals is not null)
        {
            if (Recoder(settings, specs, input, console) is not { } recode)
            {
                return 2;
            }

            (originals, originalSecret, _) = input.Read(settings.Originals, settings.Secret, recode) ?? default;
            if (settings.Control is not null)
            {
                (control, controlSecret, _) = input.Read(settings.Control, settings.Secret, recode) ?? default;
            }
        }

        foreach (var problem in input.Problems.Take(20))
        {
            console.MarkupLineInterpolated($"[yellow]{problem}[/]");
        }

        var population = originals is null ? null : control is null ? originals : Concat(originals, control);
        var risk = ReleaseRiskAssessor.MeasureClasses(r.Columns, r.Suppressed, settings.Threshold,
            Math.Max(settings.Population, r.Columns[0].Length), population);
        if (originals is { Length: > 0 } && originals[0].Length > 0 && control is { Length: > 0 } && control[0].Length > 0)
        {
            var coded = new CodedRelease([.. specs.Select(s => s.Column)], r.Columns, originals, control, r.Secret, originalSecret, controlSecret);
            risk = risk with { Attacks = ReleaseRiskAssessor.Attack(coded, settings.Attacks, 1, settings.Seed) };
        }

        CalibrateReport.PrintRisk(console, risk);
        if (settings.Json is { } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(risk, CalibrateFiles.Json));
        }

        return 0;
    }

    /// <summary>Maps original values to the release's level of each column's hierarchy (identity without hierarchy).</summary>
    private static Func<int, string, string?>? Recoder(Settings settings, List<(string Column, string Kind)> specs, RiskInput input, IAnsiConsole console)
    {
        var files = new[] { settings.Originals!, settings.Control }.OfType<string>().ToList();
        var distinct = specs.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        foreach (var file in files.Where(File.Exists))
        {
            var (_, values) = CalibrateInput.Scan(file, settings.Separator, [.. specs.Select(s => s.Column)]);
            for (var c = 0; c < specs.Count; c++)
            {
                distinct[c].UnionWith(values.GetValueOrDefault(specs[c].Column) ?? []);
            }
        }

        var raw = settings.Qi.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var hierarchies = new GeneralizationHierarchy?[specs.Count];
        var levels = new int[specs.Count];
        for (var c = 0; c < specs.Count; c++)
        {
            if (!raw[c].Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var built = CalibrateInput.Hierarchy(specs[c].Kind, distinct[c], specs[c].Column);
            if (built.Hierarchy is not { } hierarchy)
            {
                Report(console, input, string.Join("; ", built.Errors.Take(5)));
                return null;
            }

            var released = input.ReleasedValues(c).Where(v => v != GeneralizedTable.SuppressedValue).ToList();
            var level = Enumerable.Range(0, hierarchy.Levels).FirstOrDefault(l =>
            {
                var labels = Enumerable.Range(0, hierarchy.Cardinality(l)).Select(code => hierarchy.Label(l, code)).ToHashSet(StringComparer.Ordinal);
                return released.All(labels.Contains);
            }, -1);
            if (level < 0)
            {
                Report(console, input, $"the released values of {specs[c].Column} match no level of its hierarchy");
                return null;
            }

            (hierarchies[c], levels[c]) = (hierarchy, level);
        }

        return (c, value) => hierarchies[c] is { } h ? h.Generalize(value, levels[c]) : value;
    }

    private static int[][] Concat(int[][] a, int[][] b) => [.. a.Select((column, c) => column.Concat(b[c]).ToArray())];

    private static void Report(IAnsiConsole console, RiskInput input, string reason)
    {
        foreach (var problem in input.Problems.Take(20))
        {
            console.MarkupLineInterpolated($"[yellow]{problem}[/]");
        }

        console.MarkupLineInterpolated($"[red]{reason}[/]");
    }
}
