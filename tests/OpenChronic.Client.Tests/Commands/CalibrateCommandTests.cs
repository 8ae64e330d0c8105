using System.Text.Json;
using OpenChronic.Client.Commands;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-calibrate-cli-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public CalibrateCommandTests()
    {
        Directory.CreateDirectory(_root);
        _console = TestConsoles.Capture(_output);
        _console.Profile.Width = 1000;
        // 6,000 generated persons: the first 3,000 are released, the others are the held-out control.
        BenchCalibrateCohort.Write(BenchCalibrateCohort.Generate(6_000, 5), Path.Combine(_root, "cohort.csv"));
        var lines = File.ReadAllLines(Path.Combine(_root, "cohort.csv"));
        File.WriteAllLines(Attacked, [lines[0], .. lines[1..3001]]);
        File.WriteAllLines(Control, [lines[0], .. lines[3001..]]);
    }

    private string Attacked => Path.Combine(_root, "attacked.csv");

    private string Control => Path.Combine(_root, "control.csv");

    private string Output => Path.Combine(_root, "out");

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private Task<int> Calibrate(string input) => CalibrateCommand.RunAsync(
        new CalibrateCommand.Settings(input, "age:age,sex,commune:commune", "conditions", "person", ';', new CalibrationTarget(), null,
            3, 67_000_000, null, "test-cohort", "tester", 1.0, Output), _console, TestContext.Current.CancellationToken);

    private JsonElement Risk(string release, string qi)
    {
        var json = Path.Combine(_root, Guid.NewGuid().ToString("N") + ".json");
        Assert.Equal(0, RiskCommand.Run(new RiskCommand.Settings(release, qi, Attacked, Control, null, ';', 0.09, 67_000_000, 500, 3, json), _console));
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement;
    }

    [Fact]
    public async Task CalibrateThenRisk_RawReleaseSinglesOut_CalibratedReleaseUnderTarget()
    {
        Assert.Equal(0, await Calibrate(Attacked));
        Assert.True(File.Exists(Path.Combine(Output, "release.csv")));
        Assert.True(File.Exists(Path.Combine(Output, "class-counts.csv")));
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "release-risk.json"))).RootElement;
        Assert.True(report.GetProperty("found").GetBoolean());
        Assert.True(report.GetProperty("risk").GetProperty("prosecutor").GetProperty("highest").GetDouble() <= 0.09);

        var raw = Risk(Attacked, "age,sex,commune");
        var rawSinglingOut = raw.GetProperty("attacks").GetProperty("singlingOut").GetProperty("risk");
        Assert.True(rawSinglingOut.GetProperty("value").GetDouble() > 0.5, rawSinglingOut.ToString());

        var calibrated = Risk(Path.Combine(Output, "release.csv"), "age:age,sex,commune:commune");
        var singlingOut = calibrated.GetProperty("attacks").GetProperty("singlingOut");
        // Under the target as the calibration reads it: a small release allows few distinct predicates, so the
        // interval can be wide; the attack must then do no better on the released people than on the control.
        Assert.True(singlingOut.GetProperty("risk").GetProperty("value").GetDouble() <= 0.05, singlingOut.ToString());
        Assert.True(singlingOut.GetProperty("risk").GetProperty("upper").GetDouble() <= 0.05 ||
            singlingOut.GetProperty("attackSuccesses").GetInt32() <= singlingOut.GetProperty("controlSuccesses").GetInt32(), singlingOut.ToString());
        Assert.True(calibrated.GetProperty("prosecutor").GetProperty("highest").GetDouble() <= 0.09);
        Assert.True(calibrated.GetProperty("journalist").GetProperty("highest").GetDouble() <= 0.09);
    }

    [Fact]
    public async Task Calibrate_BadRows_RejectedWithLineAndColumn_AndTheRestCalibrated()
    {
        var lines = File.ReadAllLines(Attacked).ToList();
        lines.Insert(2, "PX1;70;1;ABCDE;I10");
        lines.Insert(3, "PX2;70;1");
        File.WriteAllLines(Attacked, lines);

        Assert.Equal(0, await Calibrate(Attacked));

        var text = _output.ToString();
        Assert.Contains("line 3 column commune: value 'ABCDE' is not in the hierarchy", text, StringComparison.Ordinal);
        Assert.Contains("line 4: 3 fields, the header has 5", text, StringComparison.Ordinal);
        Assert.Contains("3,000 persons read (2 rows rejected)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_BudgetSpent_CountsRefusedWithReason()
    {
        // The ledger already holds 0.95 of the cohort's ε = 1: the counts' 0.1 no longer fits.
        Directory.CreateDirectory(Output);
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, 1, 1, 1e-5, 1e-5);
        Assert.True(ledger.TryCharge("test-cohort", "other", "earlier release", PrivacyCost.Pure(0.95)).Accepted);
        File.WriteAllText(Path.Combine(Output, "ledger.json"), JsonSerializer.Serialize(ledger.ToState(), CalibrateFiles.Json));

        Assert.Equal(0, await Calibrate(Attacked));

        Assert.True(File.Exists(Path.Combine(Output, "release.csv")));
        Assert.False(File.Exists(Path.Combine(Output, "class-counts.csv")));
        Assert.Contains("DP class counts not released", _output.ToString(), StringComparison.Ordinal);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "release-risk.json"))).RootElement;
        Assert.Contains("over its limit 1", report.GetProperty("classCounts").GetProperty("refused").GetString(), StringComparison.Ordinal);
    }
}
