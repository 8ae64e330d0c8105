using System.Globalization;
using OpenChronic.Analytics.Prediction;
using OpenChronic.Client.Commands;

namespace OpenChronic.Client.Tests.Commands;

/// <summary>The observable-signal oracle on the demo's generated extract and database (truth mapped by the build's key).</summary>
[Collection(DemoCollection.Name)]
public sealed class PredictOracleTests(DemoFixture demo)
{
    // DemoCommand's fixed build key (private there): the truth's persons map to the database's pseudonyms with it.
    private const string DemoKey = "openchronic-demo-key (synthetic data only)";

    [Fact]
    public async Task Execute_WithTruth_OracleAucBelowTrueRiskAndWellAboveChance()
    {
        Assert.Equal(0, demo.ExitCode);
        var output = Path.Combine(demo.Root, "predict-oracle");
        using var text = new StringWriter();
        var task = new PredictionTask(AldTarget.Any, 2020, 365, 365);
        var run = new PredictRun(Path.Combine(demo.Root, "database"), task, ["glm"], output, Path.Combine(demo.Root, "extract", "truth"), DemoKey, 1,
            Bench: false, SplitByRegion: false);

        var code = await run.ExecuteAsync(TestConsoles.Capture(text), TestContext.Current.CancellationToken);

        Assert.True(code == 0, text.ToString());
        var report = File.ReadAllLines(Path.Combine(output, "report.md"));
        var truth = Auc(report, "| true risk (generator) |");
        var oracle = Auc(report, "| observable-signal oracle |");

        // Phases that have left no trace by the index date lose their risk: the oracle ranks some cases lower than the
        // generator does, but still far better than chance (most phases and every present condition are seen).
        Assert.True(oracle < truth - 0.001, $"oracle {oracle}, true risk {truth}");
        Assert.True(oracle > 0.75, $"oracle {oracle}");
        Assert.Contains("observable-signal oracle AUC", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithoutConditions_SameRisksNoPhases()
    {
        Assert.Equal(0, demo.ExitCode);
        var truth = Path.Combine(demo.Root, "extract", "truth");
        var bare = Directory.CreateTempSubdirectory("openchronic-truth-");
        try
        {
            File.Copy(Path.Combine(truth, "ald_risk.parquet"), Path.Combine(bare.FullName, "ald_risk.parquet"));

            var full = PredictTruth.Read(truth, DemoKey, AldTarget.Any, 2021).SelectMany(p => p.Value).ToDictionary();
            var risksOnly = PredictTruth.Read(bare.FullName, DemoKey, AldTarget.Any, 2021).SelectMany(p => p.Value).ToDictionary();

            Assert.Contains(full.Values, t => t.Phases.Length > 0);
            Assert.All(full.Values.SelectMany(t => t.Phases), p => Assert.InRange(p.OnsetDay - new DateOnly(2021, 1, 1).DayNumber, 0, 269));
            Assert.Equal(full.Count, risksOnly.Count);
            Assert.All(risksOnly, kv => Assert.Empty(kv.Value.Phases));
            Assert.All(risksOnly, kv => Assert.Equal(full[kv.Key].Risk, kv.Value.Risk));
        }
        finally
        {
            bare.Delete(recursive: true);
        }
    }

    private static double Auc(string[] report, string row)
    {
        var line = report.First(l => l.StartsWith(row, StringComparison.Ordinal));
        var cell = line[row.Length..].TrimStart().Split(' ')[0];
        return double.Parse(cell, CultureInfo.InvariantCulture);
    }
}
