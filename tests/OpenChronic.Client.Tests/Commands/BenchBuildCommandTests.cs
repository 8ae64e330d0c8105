using System.Text.Json;
using OpenChronic.Client.Commands;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Commands;

public sealed class BenchBuildCommandTests : IDisposable
{
    private readonly CommandScratch _scratch = new("openchronic-bench-build-");

    private string Root => _scratch.Root;

    private IAnsiConsole Screen => _scratch.Console;

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task Run_BadYears_IsBadUsage() =>
        Assert.Equal(2, await BenchBuildCommand.RunAsync(100, "2021-2019", 1, Root, keep: false, Screen, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Run_SmallExtract_MeasuresEveryStage_AndTheTimelinesHold32BytesAnEvent()
    {
        var code = await BenchBuildCommand.RunAsync(300, "2020", 5, Root, keep: false, Screen, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "bench-build.json"), TestContext.Current.CancellationToken));
        var r = json.RootElement;
        var events = r.GetProperty("events").GetInt64();
        Assert.True(events > 0);
        Assert.True(r.GetProperty("source_rows").GetInt64() > events / 2);

        // Committed patients trim their timeline: exactly one 32-byte CareEvent per event.
        Assert.Equal(32 * events, r.GetProperty("timeline_bytes").GetInt64());
        var stages = r.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();
        Assert.Contains("generate extract", stages);
        Assert.Contains("grid: ingest + commit", stages);
        Assert.Contains("grid: derive + export", stages);
        Assert.Contains(stages, s => s.StartsWith("read: Dcir", StringComparison.Ordinal));

        // Without --keep the extract and the database are gone; the figures stay.
        Assert.Single(Directory.GetFileSystemEntries(Root));
    }
}
