using System.CommandLine;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench predict --db DIR [--target ald:8] [--index 2020-01-01] [--truth DIR --key K] [--region-split]</c>:
/// the full prediction run with its times (grid load, feature extraction, cross-validation and training per model) and
/// the process's peak resident memory (VmHWM).
/// </summary>
internal static class BenchPredictCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "A built database (e.g. from synth + build at the size to measure).", Required = true };
        var target = new Option<string>("--target") { Description = "ALD to predict.", DefaultValueFactory = _ => "ald:8" };
        var index = new Option<string>("--index") { Description = "Index date of the training year.", DefaultValueFactory = _ => "2020-01-01" };
        var models = new Option<string>("--models") { Description = "Learners to time.", DefaultValueFactory = _ => "glm,rf,gbm,lightgbm,gru" };
        var output = new Option<string>("--out") { Description = "Where the run's report goes.", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "openchronic-bench-predict") };
        var truth = new Option<string?>("--truth") { Description = "The generator's truth folder (DIR/truth), to time its mapping and print the true-risk AUC." };
        var key = new Option<string?>("--key") { Description = $"The build's pseudonymisation secret (else ${BuildCommand.KeyVariable}); needed with --truth." };
        var heldOut = PredictCommand.RecalibrationHoldOut();
        var folds = PredictCommand.FoldCount();
        var recalibration = PredictCommand.RecalibrationBasis();
        var region = new Option<bool>("--region-split") { Description = "Also run (and time) the split by region." };
        var command = new Command("predict", "Time feature extraction and training of the prediction models; peak memory.") { db, target, index, models, output, truth, key, region, heldOut, folds, recalibration };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = PredictCommand.Parse(parse.GetValue(target)!, parse.GetValue(index)!, 365, 365, parse.GetValue(models)!, AnsiConsole.Console);
            var secret = parse.GetValue(key) ?? Environment.GetEnvironmentVariable(BuildCommand.KeyVariable);
            var truthDir = parse.GetValue(truth);
            var missingKey = truthDir is not null && string.IsNullOrEmpty(secret);
            if (missingKey)
            {
                AnsiConsole.MarkupLine($"[red]--truth needs --key (or ${BuildCommand.KeyVariable}).[/]");
            }

            if (options is not { } o || missingKey || !PredictCommand.ValidHoldOut(parse.GetValue(heldOut), AnsiConsole.Console)
                || !PredictCommand.ValidFolds(parse.GetValue(folds), AnsiConsole.Console))
            {
                return Task.FromResult(2);
            }

            return new PredictRun(parse.GetValue(db)!, o.Task, o.Learners, parse.GetValue(output)!, truthDir, secret, 1, Bench: true,
                SplitByRegion: parse.GetValue(region), HeldOutShare: parse.GetValue(heldOut), Folds: parse.GetValue(folds), Recalibration: parse.GetValue(recalibration)).ExecuteAsync(AnsiConsole.Console, cancellationToken);
        });
        return command;
    }
}
