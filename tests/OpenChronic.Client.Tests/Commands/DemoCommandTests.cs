using System.Text.Json;
using System.Text.RegularExpressions;
using OpenChronic.Client.Commands;
using OpenChronic.Client.Tests.Report;

namespace OpenChronic.Client.Tests.Commands;

[Collection(DemoCollection.Name)]
public sealed partial class DemoCommandTests(DemoFixture demo)
{
    private static readonly string[] s_sections = ["overview", "cohorts", "conditions", "treatments", "settings", "prediction", "coordination", "variability", "privacy"];

    [Fact]
    public void Run_SmallExtract_EveryStageRanAndSucceeded()
    {
        Assert.True(demo.ExitCode == 0, demo.Output);
        var summary = DemoCommand.ReadSummary(demo.Root)!;
        Assert.True(summary.Succeeded);
        Assert.Equal(10, summary.Stages.Count);
        Assert.All(summary.Stages, s => Assert.True(s.ExitCode == 0 && s.Seconds > 0, s.ToString()));
        foreach (var file in (string[])["report.html", "summary.json", "validation-report.json", "database/build-report.json", "prediction/roc.svg",
            "coordination/followup_by_territory.svg", "releases/diabetes/1/release.json", "releases/diabetes/1/calibration.csv"])
        {
            Assert.True(File.Exists(Path.Combine(demo.Root, file)), file);
        }
    }

    [Fact]
    public void Summary_SmallExtract_HoldsTheKeyFiguresOfEveryStage()
    {
        var summary = DemoCommand.ReadSummary(demo.Root)!;
        Assert.Equal(DemoFixture.Patients, summary.Patients);
        var data = summary.Data!;
        Assert.InRange(data.Persons, 1, DemoFixture.Patients);
        Assert.True(data.Events > data.Persons && data.SourceRows >= data.Events, data.ToString());

        Assert.Equal(["diabetes", "heart_failure", "coronary"], summary.Cohorts.Select(c => c.Name));
        Assert.All(summary.Cohorts, c => Assert.InRange(c.Members, 1, data.Persons));
        // Each cohort's calibration either publishes a release that meets the risk target or is refused with its reason
        // (at this size the heart-failure cohort is small); the demo needs at least one release.
        Assert.Equal(["diabetes", "heart_failure", "coronary"], summary.Releases.Select(r => r.Cohort));
        Assert.Contains(summary.Releases, r => r.Number == 1);
        Assert.All(summary.Releases, r =>
        {
            if (r.Refusal is not null)
            {
                Assert.Null(r.Number);
                return;
            }

            Assert.True(r.K >= 2 && r.Published > 0, r.ToString());
            Assert.InRange(r.Risks["prosecutor.highest"], 0, 0.09);
            Assert.InRange(r.UtilityKept!.Value, 0, 1);
        });

        var prediction = summary.Prediction!;
        Assert.Equal("ald:any", prediction.Target);
        Assert.Equal(["glm", "lightgbm"], prediction.Models.Select(m => m.Name));
        Assert.Equal(prediction.Models.Max(m => m.Auc), prediction.BestAuc);
        Assert.All(prediction.Models, m => Assert.True(m.AucLow <= m.Auc && m.Auc <= m.AucHigh && m.Brier is > 0 and < 1, m.ToString()));

        var coordination = summary.Coordination!;
        Assert.Equal("heart_failure", coordination.Cohort);
        Assert.True(coordination.Persons > 0 && coordination.Territories > 0, coordination.ToString());
        Assert.InRange(coordination.CocMedian, 0, 1);

        Assert.Equal(DemoRun.Indicators, summary.Variability.Select(v => v.Indicator));
        Assert.All(summary.Variability, v => Assert.True(v.FlaggedOverdispersed998 <= v.Units && v.FlaggedExact998 <= v.Units, v.ToString()));
        Assert.True(summary.Variability.Sum(v => v.Units) > 0);
    }

    [Fact]
    public void Outputs_SmallExtract_HoldNoPatientKey()
    {
        var text = File.ReadAllText(Path.Combine(demo.Root, "summary.json")) + File.ReadAllText(Path.Combine(demo.Root, "report.html"));
        Assert.DoesNotMatch(GuidPattern(), text);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(demo.Root, "summary.json")));
        Assert.True(json.RootElement.GetProperty("total_seconds").GetDouble() > 0);
    }

    [Fact]
    public async Task Report_RenderedInHeadlessChromium_HasEverySectionAndEveryFigureHasASize()
    {
        var html = Path.Combine(demo.Root, "report.html");
        var text = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        foreach (var id in s_sections)
        {
            Assert.Contains($"<section id=\"{id}\">", text, StringComparison.Ordinal);
        }

        Assert.Contains("risk–utility", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Funnel plot", text, StringComparison.Ordinal);
        var figures = await ReportRendering.AssertRendersAsync(html, 15, "demo-report-screenshot.png", TestContext.Current.CancellationToken);
        Assert.True(figures >= 15, $"{figures} figures");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
