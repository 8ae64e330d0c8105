using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic calibrate --input FILE.csv --qi col:hierarchy,... --out DIR</c>: explores release policies on a
/// microdata table, prints the risk–utility table, and writes the chosen release, its DP class counts (charged to
/// a budget ledger) and a JSON of the measured risks. <c>openchronic calibrate --db DB --cohort C</c> does the same
/// on a cohort's members and publishes the release through the cohort grain (see <c>CalibrateCommand.Cohort.cs</c>).
/// </summary>
internal static partial class CalibrateCommand
{
    /// <summary>The command's settings.</summary>
    internal sealed record Settings(
        string? Input, string? Qi, string? Conditions, string? Person, char Separator, CalibrationTarget Target, string? Ks,
        ulong Seed, long Population, string? Ledger, string? Cohort, string Consumer, double Budget, string? Output,
        string? Database = null, string Policy = "default");

    public static Command Create()
    {
        var input = new Option<string?>("--input") { Description = "Microdata file, one row per person, with a header line (or --db and --cohort)." };
        var qi = new Option<string?>("--qi") { Description = "With --input: quasi-identifiers as col:hierarchy,... (hierarchy: age, commune, icd10, atc, flat or an ARX hierarchy file)." };
        var conditions = new Option<string?>("--conditions") { Description = "Column of condition codes separated by '|' (ICD-10), published under k^m-anonymity." };
        var person = new Option<string?>("--person") { Description = "Person key column (rows with a key already seen are rejected)." };
        var separator = new Option<char>("--separator") { Description = "Field separator.", DefaultValueFactory = _ => ';' };
        var prosecutor = new Option<double>("--target-prosecutor") { Description = "Highest prosecutor risk allowed.", DefaultValueFactory = _ => 0.09 };
        var average = new Option<double>("--target-average") { Description = "Average prosecutor risk allowed.", DefaultValueFactory = _ => 0.05 };
        var attack = new Option<double>("--target-attack") { Description = "Upper confidence bound allowed for every attack risk.", DefaultValueFactory = _ => 0.05 };
        var ks = new Option<string?>("--k") { Description = "Values of k to explore, e.g. 5,12,20 (default 2,5,11,12,15,20,30,50)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the shadow split, the attacks and the row order.", DefaultValueFactory = _ => 1UL };
        var population = new Option<long>("--population") { Description = "Population size for population uniqueness.", DefaultValueFactory = _ => 67_000_000 };
        var ledger = new Option<string?>("--ledger") { Description = "Budget ledger file (default DIR/ledger.json)." };
        var cohort = new Option<string?>("--cohort") { Description = "With --db: the cohort to release; with --input: cohort id in the ledger (default: the input file name)." };
        var consumer = new Option<string>("--consumer") { Description = "Consumer charged for the DP class counts.", DefaultValueFactory = _ => "calibrate" };
        var budget = new Option<double>("--budget") { Description = "ε budget of a new ledger, per cohort and per consumer.", DefaultValueFactory = _ => 1.0 };
        var output = new Option<string?>("--out") { Description = "Output folder (with --input, required) or releases root (with --db, default 'releases')." };
        var db = new Option<string?>("--db") { Description = "The Open Chronic database the cohort was created on: calibrate the cohort's next release." };
        var policy = new Option<string>("--policy") { Description = "With --db: base privacy policy (JSON file or 'default'); the exploration never goes below it.", DefaultValueFactory = _ => "default" };
        var command = new Command("calibrate", "Choose the release policy that meets a target risk with the best utility.")
        {
            input, qi, conditions, person, separator, prosecutor, average, attack, ks, seed, population, ledger, cohort, consumer, budget, output, db, policy,
        };
        command.SetAction((parse, ct) => RunAsync(new Settings(parse.GetValue(input)!, parse.GetValue(qi)!, parse.GetValue(conditions), parse.GetValue(person),
            parse.GetValue(separator), new CalibrationTarget(parse.GetValue(prosecutor), parse.GetValue(average), parse.GetValue(attack)), parse.GetValue(ks),
            parse.GetValue(seed), parse.GetValue(population), parse.GetValue(ledger), parse.GetValue(cohort), parse.GetValue(consumer)!,
            parse.GetValue(budget), parse.GetValue(output), parse.GetValue(db), parse.GetValue(policy)!), AnsiConsole.Console, ct));
        return command;
    }

    internal static async Task<int> RunAsync(Settings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (settings.Database is not null)
        {
            return settings.Input is null
                ? await RunCohortAsync(settings, console, cancellationToken).ConfigureAwait(false)
                : Usage(console, "give either --db with --cohort, or --input, not both");
        }

        if (settings is not { Input: { } file, Qi: { } qiSpecs, Output: { } output })
        {
            return Usage(console, "give --db DB --cohort C, or --input FILE --qi ... --out DIR");
        }

        var read = CalibrateInput.Read(file, qiSpecs.Split(',', StringSplitOptions.RemoveEmptyEntries), settings.Conditions, settings.Person, settings.Separator);
        foreach (var problem in read.Problems)
        {
            console.MarkupLineInterpolated($"[yellow]{problem}[/]");
        }

        if (read.Input is not { } input)
        {
            console.MarkupLine("[red]Nothing to calibrate.[/]");
            return 2;
        }

        var options = CalibrationOptions.Default(settings.Seed) with { PopulationSize = Math.Max(settings.Population, input.Table.RowCount) };
        if (settings.Ks is { } ks)
        {
            if (Ks(ks) is not { } values)
            {
                return Usage(console, $"--k: '{ks}' is not a list of positive integers");
            }

            options = options with { Ks = values };
        }

        console.MarkupLineInterpolated($"{input.Table.RowCount:N0} persons read ({read.Rejected:N0} rows rejected).");
        var watch = Stopwatch.StartNew();
        var result = ReleaseCalibrator.Calibrate(input, settings.Target, options);
        var seconds = watch.Elapsed.TotalSeconds;
        CalibrateReport.PrintCandidates(console, result);
        Directory.CreateDirectory(output);
        if (result is not { Chosen: { } chosen, Risk: { } risk })
        {
            CalibrateFiles.WriteJson(output, input, result, null, "no policy meets the target", seconds);
            console.MarkupLine("[red]No explored policy meets the target.[/] Widen the exploration (--k) or relax the target.");
            return 1;
        }

        console.MarkupLineInterpolated($"Chosen: k = {chosen.K}, suppression limit {chosen.SuppressionLimit:P0}, {CalibrateReport.LevelNames(input.Table, chosen.Levels!.Value)}.");
        console.MarkupLineInterpolated($"Utility kept: [green]{chosen.UtilityKept:P1}[/] (1 − Loss), {chosen.Utility!.SuppressedRecords:N0} records suppressed; calibration {seconds:F1} s.");
        CalibrateReport.PrintRisk(console, risk);
        CalibrateFiles.WriteRelease(output, result, settings.Seed);

        var (counts, refusal) = await ReleaseCountsAsync(settings, input, result, options, cancellationToken).ConfigureAwait(false);
        if (counts is not null)
        {
            CalibrateFiles.WriteCounts(output, counts);
            console.MarkupLineInterpolated($"DP class counts: {counts.Cells.Length:N0} cells, discrete Laplace t ≈ {counts.NoiseScale:G4}, ±{counts.HalfWidth} at 95 %, threshold τ = {counts.Threshold}, ε = {counts.Cost.Epsilon:G3}, δ = {counts.Cost.Delta:G3}.");
        }
        else
        {
            console.MarkupLineInterpolated($"[yellow]DP class counts not released: {refusal}[/]");
        }

        CalibrateFiles.WriteJson(output, input, result, counts, refusal, seconds);
        console.MarkupLineInterpolated($"Written to {output}: release.csv, {(counts is null ? "" : "class-counts.csv, ")}release-risk.json.");
        return 0;
    }

    private static async Task<(DpAggregateTable? Table, string? Refusal)> ReleaseCountsAsync(
        Settings settings, CalibrationInput input, CalibrationResult result, CalibrationOptions options, CancellationToken cancellationToken)
    {
        if (result.ChosenEpsilon is not { } epsilon)
        {
            return (null, "no ε meets the attack target");
        }

        var ledgerPath = settings.Ledger ?? Path.Combine(settings.Output!, "ledger.json");
        PrivacyBudgetLedger ledger;
        try
        {
            ledger = File.Exists(ledgerPath) && JsonSerializer.Deserialize<PrivacyLedgerState>(
                    await File.ReadAllTextAsync(ledgerPath, cancellationToken).ConfigureAwait(false), CalibrateFiles.Json) is { } state
                ? PrivacyBudgetLedger.FromState(state)
                : new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, settings.Budget, settings.Budget, 1e-5, 1e-5);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return (null, $"ledger {ledgerPath} unreadable: {e.Message}");
        }

        var release = result.Release!;
        var rows = Enumerable.Range(0, release.Rows.Length).Where(r => !release.Suppressed[r])
            .Select(r => new MemberRow(r.ToString(CultureInfo.InvariantCulture), release.Rows[r]));
        var query = new DpAggregateQuery("class counts of the calibrated release", [.. input.Table.Columns.Select(c => c.Name)],
            new ContributionBounds(1, 1), DpNoiseKind.Laplace, Epsilon: epsilon, Delta: options.Delta);
        // The noise and the cell selection use fresh secret keys: DP noise must not be reproducible by a reader.
        var service = new DpAggregateService(RandomNumberGenerator.GetBytes(32), new ChaCha20RandomBits(RandomNumberGenerator.GetBytes(32), new byte[12]));
        var cohort = settings.Cohort ?? Path.GetFileNameWithoutExtension(settings.Input!);
        var answer = await service.ReleaseAsync(rows, query, new LedgerBudget(ledger, cohort, settings.Consumer), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(ledgerPath, JsonSerializer.Serialize(ledger.ToState(), CalibrateFiles.Json), cancellationToken).ConfigureAwait(false);
        return (answer.Table, answer.Accepted ? null : answer.Reason);
    }
}
