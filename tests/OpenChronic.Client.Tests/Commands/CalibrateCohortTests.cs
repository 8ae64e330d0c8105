using System.Text.Json;
using OpenChronic.Client.Commands;
using OpenChronic.Client.Tests.Grid;
using OpenChronic.Domain.Privacy.Calibration;
using OpenChronic.Domain.Releases;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

[Collection(BuiltDatabaseCollection.Name)]
public sealed class CalibrateCohortTests : IDisposable
{
    private readonly BuiltDatabaseFixture _built;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-calibrate-cohort-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public CalibrateCohortTests(BuiltDatabaseFixture built)
    {
        _built = built;
        Directory.CreateDirectory(_root);
        _console = TestConsoles.Capture(_output);
        _console.Profile.Width = 1000;
    }

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private static ReleaseManifest Manifest(string directory) =>
        JsonSerializer.Deserialize<ReleaseManifest>(File.ReadAllText(Path.Combine(directory, ReleaseManifest.FileName)), ReleasePolicy.JsonOptions)!;

    private static double Risk(ReleaseManifest manifest, string name) => Assert.Single(manifest.MeasuredRisks, r => r.Name == name).Value;

    [Fact]
    public async Task CalibrateAndRelease_BuiltDatabaseCohort_PublishVerifiedReleasesWithTheirMeasuredRisks()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, await CohortCommand.CreateAsync(_built.Database, "diabetes", _root, _console, ct));

        // 56 members: at the default attack target whether some policy is safe depends on the shadow split, so the test
        // relaxes the attack bound and checks that the attacks are measured and recorded (the refusal path is tested
        // in CohortCalibratorTests).
        var target = new CalibrationTarget(0.09, 0.05, 1.0);
        var settings = new CalibrateCommand.Settings(null, null, null, null, ';', target, null, 3, 67_000_000, null, "diabetes", "calibrate", 1.0,
            _root, _built.Database, "default");
        Assert.True(await CalibrateCommand.RunAsync(settings, _console, ct) == 0, _output.ToString());

        // The calibrated release: verified like any release, its risk–utility table hashed, its risks recorded.
        var calibrated = Path.Combine(_root, "diabetes", "1");
        Assert.Equal(0, VerifyReleaseCommand.Run(calibrated, "default", _console));
        var manifest = Manifest(calibrated);
        Assert.Contains(manifest.Files, f => f.Path == CalibrationTable.CsvFile);
        Assert.Contains(manifest.Files, f => f.Path == CalibrationTable.JsonFile);
        Assert.Equal("default-calibrated", manifest.Policy.Name);
        Assert.True(Risk(manifest, ReleaseRisks.HighestProsecutor) <= target.MaxHighestProsecutor);
        Assert.True(Risk(manifest, ReleaseRisks.AverageProsecutor) <= target.MaxAverageProsecutor);
        Assert.Equal(1.0 / manifest.Achieved.K, Risk(manifest, ReleaseRisks.HighestProsecutor), 12);
        Assert.True(manifest.MeasuredRisks.Any(r => r.Name == "attack.singling_out.upper"), _output.ToString());
        Assert.Contains(manifest.MeasuredRisks, r => r.Name == "marketer");
        Assert.Contains(manifest.MeasuredRisks, r => r.Name == "sample_uniqueness");
        var table = File.ReadAllLines(Path.Combine(calibrated, CalibrationTable.CsvFile));
        Assert.StartsWith("k;suppression_limit;levels", table[0], StringComparison.Ordinal);
        Assert.Contains(table, l => l.EndsWith(";chosen", StringComparison.Ordinal));

        // A plain release of the same cohort records its class-based risks too.
        Assert.Equal(0, await CohortCommand.ReleaseAsync(_built.Database, "diabetes", "default", _root, _console, ct));
        var plain = Path.Combine(_root, "diabetes", "2");
        Assert.Equal(0, VerifyReleaseCommand.Run(plain, "default", _console));
        var plainManifest = Manifest(plain);
        Assert.Equal(1.0 / plainManifest.Achieved.K, Risk(plainManifest, ReleaseRisks.HighestProsecutor), 12);
        Assert.Contains(plainManifest.MeasuredRisks, r => r.Name == "prosecutor.records_at_risk");
        Assert.DoesNotContain(plainManifest.Files, f => f.Path == CalibrationTable.CsvFile);

        // A recorded risk that the microdata do not give fails the verification.
        var tampered = plainManifest with
        {
            MeasuredRisks = [.. plainManifest.MeasuredRisks.Select(r => r.Name == ReleaseRisks.HighestProsecutor ? r with { Value = r.Value / 10 } : r)],
        };
        File.WriteAllText(Path.Combine(plain, ReleaseManifest.FileName), JsonSerializer.Serialize(tampered, ReleasePolicy.JsonOptions));
        Assert.Equal(1, VerifyReleaseCommand.Run(plain, "default", _console));
        Assert.Contains("the microdata give", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calibrate_DbWithoutCohortOrWithInput_IsBadUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        var noCohort = new CalibrateCommand.Settings(null, null, null, null, ';', new CalibrationTarget(), null, 3, 67_000_000, null, null, "c", 1.0,
            _root, _built.Database, "default");
        Assert.Equal(2, await CalibrateCommand.RunAsync(noCohort, _console, ct));
        Assert.Equal(2, await CalibrateCommand.RunAsync(noCohort with { Input = "x.csv" }, _console, ct));
        Assert.Equal(2, await CalibrateCommand.RunAsync(noCohort with { Database = null }, _console, ct));
        Assert.Equal(2, await CalibrateCommand.RunAsync(noCohort with { Cohort = "never-created" }, _console, ct));
    }
}
