using System.CommandLine;
using Spectre.Console;

namespace OpenChronic.Client.Commands;

/// <summary>
/// <c>openchronic bench predict --db DIR [--target ald:8] [--index 2020-01-01]</c>: the full prediction run with its
/// times (grid load, feature extraction, cross-validation and training per model) and the process's peak memory.
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
        var command = new Command("predict", "Time feature extraction and training of the prediction models; peak memory.") { db, target, index, models, output };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = PredictCommand.Parse(parse.GetValue(target)!, parse.GetValue(index)!, 365, 365, parse.GetValue(models)!, AnsiConsole.Console);
            return options is not { } o
                ? Task.FromResult(2)
                : new PredictRun(parse.GetValue(db)!, o.Task, o.Learners, parse.GetValue(output)!, null, null, 1, Bench: true).ExecuteAsync(AnsiConsole.Console, cancellationToken);
        });
        return command;
    }
}
