using System.CommandLine;
using System.Globalization;
using OpenChronic.Analytics.Prediction;
using OpenChronic.Analytics.Prediction.Evaluation;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic predict --db DIR --target ald:8 --index 2020-01-01 [--horizon 365] [--out DIR] [--truth DIR/truth --key K]</c>:
/// trains the GLM, random forest, gradient-boosting (FastTree, LightGbm) and GRU models on index year Y, tests them on Y+1 (temporal
/// validation) and on the other régions of year Y (split by region), recalibrates them, and writes the models, the report, model cards and plots. Patient-level scores stay
/// in the process; with the truth, the generator's own risk is evaluated on the same test rows (true-risk AUC).
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The Open Chronic database folder.", Required = true };
        var target = new Option<string>("--target") { Description = "ALD to predict: ald:8, ald:5, ald:13, ald:30 … or ald:any.", DefaultValueFactory = _ => "ald:8" };
        var index = new Option<string>("--index") { Description = "Index date of the training year, 1 January (e.g. 2020-01-01); the test year is the next.", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Time at risk in days.", DefaultValueFactory = _ => 365 };
        var lookback = new Option<int>("--lookback") { Description = "Feature lookback in days.", DefaultValueFactory = _ => 365 };
        var output = new Option<string?>("--out") { Description = "Output folder (default: predict-TARGET-YEAR)." };
        var truth = new Option<string?>("--truth") { Description = "The generator's truth folder (DIR/truth), to print the true-risk AUC." };
        var key = new Option<string?>("--key") { Description = $"The build's pseudonymisation secret (else ${BuildCommand.KeyVariable}); needed with --truth." };
        var models = new Option<string>("--models") { Description = "Learners to run, comma-separated.", DefaultValueFactory = _ => "glm,rf,gbm,lightgbm,gru" };
        var seed = new Option<int>("--seed") { Description = "Seed of splits and learners.", DefaultValueFactory = _ => 1 };
        var heldOut = RecalibrationHoldOut();
        var folds = FoldCount();
        var recalibration = RecalibrationBasis();
        var noRegion = new Option<bool>("--no-region-split") { Description = "Skip the split by region (train on some régions of the training year, test on the others)." };
        var command = new Command("predict", "Train and evaluate models predicting entry into an ALD (temporal validation and split by region).")
        {
            db, target, index, horizon, lookback, output, truth, key, models, seed, noRegion, heldOut, folds, recalibration,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = Parse(parse.GetValue(target)!, parse.GetValue(index)!, parse.GetValue(horizon), parse.GetValue(lookback),
                parse.GetValue(models)!, AnsiConsole.Console);
            if (options is null || !ValidHoldOut(parse.GetValue(heldOut), AnsiConsole.Console) || !ValidFolds(parse.GetValue(folds), AnsiConsole.Console))
            {
                return Task.FromResult(2);
            }

            var secret = parse.GetValue(key) ?? Environment.GetEnvironmentVariable(BuildCommand.KeyVariable);
            var truthDir = parse.GetValue(truth);
            if (truthDir is not null && string.IsNullOrEmpty(secret))
            {
                AnsiConsole.MarkupLine($"[red]--truth needs --key (or ${BuildCommand.KeyVariable}): it maps truth persons to the database's pseudonyms.[/]");
                return Task.FromResult(2);
            }

            var (task, learners) = options.Value;
            var run = new PredictRun(parse.GetValue(db)!, task, learners, parse.GetValue(output) ?? $"predict-{task.Target.ToString().Replace(':', '-')}-{task.IndexYear}",
                truthDir, secret, parse.GetValue(seed), Bench: false, SplitByRegion: !parse.GetValue(noRegion), HeldOutShare: parse.GetValue(heldOut),
                Folds: parse.GetValue(folds), Recalibration: parse.GetValue(recalibration));
            return run.ExecuteAsync(AnsiConsole.Console, cancellationToken);
        });
        return command;
    }

    internal static Option<double> RecalibrationHoldOut() => new("--recalibration-holdout")
    {
        Description = "0 (default): recalibrate on the out-of-fold predictions of the training set; a share in (0, 1): hold it out and recalibrate on it.",
        DefaultValueFactory = _ => 0,
    };

    internal static Option<RecalibrationMethod> RecalibrationBasis() => new("--recalibration")
    {
        Description = "What the recalibration is fitted on: Simex (default: the out-of-fold predictions, the fit extrapolated to the fold average's noise level), OutOfFold, or Nested (folds² more fits).",
        DefaultValueFactory = _ => RecalibrationMethod.Simex,
    };

    internal static Option<int> FoldCount() => new("--folds")
    {
        Description = "Cross-validation folds (2–20): the model delivered is the average of the chosen setting's fold models.",
        DefaultValueFactory = _ => 3,
    };

    internal static bool ValidFolds(int folds, IAnsiConsole console)
    {
        if (folds is >= 2 and <= 20)
        {
            return true;
        }

        console.MarkupLine("[red]--folds must be in [2, 20].[/]");
        return false;
    }

    internal static bool ValidHoldOut(double share, IAnsiConsole console)
    {
        if (share is >= 0 and < 1)
        {
            return true;
        }

        console.MarkupLine("[red]--recalibration-holdout must be in [0, 1).[/]");
        return false;
    }

    internal static (PredictionTask Task, string[] Learners)? Parse(string target, string index, int horizon, int lookback, string models, IAnsiConsole console)
    {
        if (!AldTarget.TryParse(target, out var aldTarget))
        {
            console.MarkupLineInterpolated($"[red]--target must be ald:N (1–32) or ald:any (got '{target}').[/]");
            return null;
        }

        if (!DateOnly.TryParseExact(index, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Month != 1 || date.Day != 1)
        {
            console.MarkupLineInterpolated($"[red]--index must be a 1 January as yyyy-01-01 (got '{index}').[/]");
            return null;
        }

        var task = new PredictionTask(aldTarget, date.Year, horizon, lookback);
        try
        {
            task.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            console.MarkupLineInterpolated($"[red]{e.ParamName} is out of range: {e.Message}[/]");
            return null;
        }

        var learners = models.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = learners.Where(l => !PredictRun.KnownLearners.Contains(l, StringComparer.Ordinal)).ToArray();
        if (learners.Length == 0 || unknown.Length > 0)
        {
            console.MarkupLineInterpolated($"[red]--models takes {string.Join(", ", PredictRun.KnownLearners)} (got '{models}').[/]");
            return null;
        }

        return (task, learners);
    }
}
