using System.CommandLine;
using System.Globalization;
using DuckDB.NET.Data;
using OpenChronic.Analytics.Validation;
using OpenChronic.Client.Reference;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic check-conditions --db OUT --truth DIR/truth --key K</c>: measures the case definitions of a built
/// database against the synthetic generator's truth: true prevalent cases, detected cases, true positives,
/// sensitivity and PPV per condition and year, with the reasons of misses and the rules behind false positives.
/// </summary>
internal static class CheckConditionsCommand
{
    // The generator keeps a cancer active five years (5 × 365 days) after onset (PersonSimulator.Care.Active).
    private const int CancerActiveDays = 5 * 365;

    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The Open Chronic database folder (built with the same key).", Required = true };
        var truth = new Option<string>("--truth") { Description = "The generator's truth folder (DIR/truth).", Required = true };
        var key = new Option<string?>("--key") { Description = $"The pseudonymisation secret of the build (else ${BuildCommand.KeyVariable})." };
        var years = new Option<string?>("--years") { Description = "Years to check, e.g. 2019-2021 (default: the database's years)." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the table as Markdown." };
        var command = new Command("check-conditions", "Sensitivity and PPV of the case definitions against the synthetic truth.") { db, truth, key, years, markdown };
        command.SetAction(parse => Run(parse.GetValue(db)!, parse.GetValue(truth)!, parse.GetValue(key), parse.GetValue(years),
            parse.GetValue(markdown), AnsiConsole.Console));
        return command;
    }

    internal static int Run(string db, string truth, string? key, string? years, bool markdown, IAnsiConsole console)
    {
        var conditionsFile = Path.Combine(db, "conditions.parquet");
        var conditionsFolder = Path.Combine(db, "conditions");
        var detectedSource = File.Exists(conditionsFile) ? conditionsFile
            : Directory.Exists(conditionsFolder) ? Path.Combine(conditionsFolder, "*.parquet") : null;
        var truthConditions = Path.Combine(truth, "conditions.parquet");
        var truthPersons = Path.Combine(truth, "persons.parquet");
        foreach (var (path, what) in new[] { (detectedSource, db + "/conditions.parquet"), (truthConditions, truthConditions), (truthPersons, truthPersons) })
        {
            if (path is null || (!path.Contains('*', StringComparison.Ordinal) && !File.Exists(path)))
            {
                console.MarkupLineInterpolated($"[red]Missing {what}.[/]");
                return 2;
            }
        }

        var secret = key ?? Environment.GetEnvironmentVariable(BuildCommand.KeyVariable);
        if (string.IsNullOrEmpty(secret))
        {
            console.MarkupLine($"[red]--key (or ${BuildCommand.KeyVariable}) is required: it maps truth persons to the database's pseudonyms.[/]");
            return 2;
        }

        int[]? yearList = null;
        if (years is not null)
        {
            if (!SynthCommand.TryParseYears(years, out var first, out var last) || last < first)
            {
                console.MarkupLineInterpolated($"[red]--years must look like 2019-2021 (got '{years}').[/]");
                return 2;
            }

            yearList = [.. Enumerable.Range(first, last - first + 1)];
        }

        try
        {
            var pseudonym = KeyedPseudonym.FromPassphrase(secret);
            var catalogue = CaseDefinitionCatalogue.Default;
            var detected = ReadDetected(detectedSource!);
            var (conditions, deaths) = ReadTruth(truthConditions, truthPersons, pseudonym, catalogue, console);
            yearList ??= [.. detected.Select(d => d.Year).Distinct().Order()];
            var ids = catalogue.Conditions.Select(c => c.Id).ToArray();
            var results = CaseDefinitionCheck.Compare(ids, yearList, conditions, deaths, detected);
            CheckConditionsTable.Print(results, markdown, console, Console.Out);
            return 0;
        }
        catch (DuckDBException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the database or the truth: {e.Message}[/]");
            return 1;
        }
    }

    private static List<DetectedCondition> ReadDetected(string source)
    {
        var list = new List<DetectedCondition>();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT patient_id, CAST(year AS INTEGER), condition, coalesce(by_ald, false), coalesce(by_hospital, false), " +
            $"coalesce(by_drugs, false), coalesce(by_acts, false) FROM read_parquet({ReferenceSql.Literal(source)}) WHERE patient_id IS NOT NULL AND year IS NOT NULL AND condition IS NOT NULL";
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            var evidence = (r.GetBoolean(3) ? ConditionEvidence.Ald : ConditionEvidence.None) |
                (r.GetBoolean(4) ? ConditionEvidence.Hospital : ConditionEvidence.None) |
                (r.GetBoolean(5) ? ConditionEvidence.Drugs : ConditionEvidence.None) |
                (r.GetBoolean(6) ? ConditionEvidence.Acts : ConditionEvidence.None);
            list.Add(new DetectedCondition(r.GetString(0), r.GetInt32(1), r.GetString(2), evidence));
        }

        return list;
    }

    private static (List<TrueCondition> Conditions, Dictionary<string, DateOnly> Deaths) ReadTruth(
        string conditionsPath, string personsPath, KeyedPseudonym pseudonym, CaseDefinitionCatalogue catalogue, IAnsiConsole console)
    {
        var byAld = new Dictionary<int, string>();
        foreach (var c in catalogue.Conditions)
        {
            foreach (var n in c.Ald?.Numbers ?? [])
            {
                byAld.TryAdd(n, c.Id);
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pseudonym(string benIdtAno)
        {
            if (!ids.TryGetValue(benIdtAno, out var id))
            {
                id = pseudonym.Of(benIdtAno).ToString("N");
                ids[benIdtAno] = id;
            }

            return id;
        }

        using var connection = Open();
        var deaths = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT CAST(BEN_IDT_ANO AS VARCHAR), CAST(death_date AS DATE) FROM read_parquet({ReferenceSql.Literal(personsPath)}) " +
                "WHERE death_date IS NOT NULL AND BEN_IDT_ANO IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                deaths[Pseudonym(r.GetString(0))] = DateOnly.FromDateTime(r.GetDateTime(1));
            }
        }

        var conditions = new List<TrueCondition>();
        var unknown = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT CAST(BEN_IDT_ANO AS VARCHAR), CAST(ald AS INTEGER), CAST(onset_date AS DATE), CAST(ald_start AS DATE), " +
                $"CAST(ald_end AS DATE) FROM read_parquet({ReferenceSql.Literal(conditionsPath)}) WHERE BEN_IDT_ANO IS NOT NULL AND ald IS NOT NULL AND onset_date IS NOT NULL";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                if (!byAld.TryGetValue(r.GetInt32(1), out var id))
                {
                    unknown++;
                    continue;
                }

                var onset = DateOnly.FromDateTime(r.GetDateTime(2));
                DateOnly? aldStart = r.IsDBNull(3) ? null : DateOnly.FromDateTime(r.GetDateTime(3));
                DateOnly? aldEnd = r.IsDBNull(4) ? null : DateOnly.FromDateTime(r.GetDateTime(4));
                DateOnly? until = id == "cancer" ? onset.AddDays(CancerActiveDays) : null;
                conditions.Add(new TrueCondition(Pseudonym(r.GetString(0)), id, onset, aldStart, aldEnd, until));
            }
        }

        if (unknown > 0)
        {
            console.MarkupLineInterpolated($"[yellow]{unknown.ToString("N0", CultureInfo.InvariantCulture)} truth conditions have an ALD number no case definition uses; ignored.[/]");
        }

        return (conditions, deaths);
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }
}
