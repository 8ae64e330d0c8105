using OpenChronic.Client.Commands;
using OpenChronic.Client.Tests.Grid;

namespace OpenChronic.Client.Tests.Report;

/// <summary>Renders the report of a built database in headless Chromium (Debian's <c>chromium</c>, installed by ./test.sh).</summary>
[Collection(BuiltDatabaseCollection.Name)]
public sealed class ReportRenderTests(BuiltDatabaseFixture built) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Report_RenderedInHeadlessChromium_LoadsWithoutErrorsAndEveryFigureHasASize()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_root);
        var html = Path.Combine(_root, "report.html");
        using var output = new StringWriter();
        var console = TestConsoles.Capture(output);

        Assert.Equal(0, await ReportCommand.RunAsync(built.Database, html, 11, console, ct));

        await ReportRendering.AssertRendersAsync(html, 5, "report-screenshot.png", ct);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // nothing to keep; the temp folder is cleaned by the OS
        }
    }
}
