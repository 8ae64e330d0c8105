using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenChronic.Client.Commands;
using OpenChronic.Client.Tests.Grid;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Report;

/// <summary>Renders the report of a built database in headless Chromium (Debian's <c>chromium</c>, installed by ./test.sh).</summary>
[Collection(BuiltDatabaseCollection.Name)]
public sealed partial class ReportRenderTests(BuiltDatabaseFixture built) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-report-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Report_RenderedInHeadlessChromium_LoadsWithoutErrorsAndEveryFigureHasASize()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_root);
        var html = Path.Combine(_root, "report.html");
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });

        Assert.Equal(0, await ReportCommand.RunAsync(built.Database, html, 11, console, ct));

        var text = await File.ReadAllTextAsync(html, ct);
        Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        var figures = FigureTag().Count(text);
        Assert.True(figures >= 5, $"only {figures} figures");

        var (dom, log) = await ChromiumAsync(["--dump-dom", html], ct);
        var check = SelfCheck().Match(dom);
        Assert.True(check.Success, "the report's self-check did not run:\n" + log);
        using var json = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(check.Groups[1].Value));
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
        var sizes = json.RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(figures, sizes.Count);
        Assert.All(sizes, f => Assert.True(f.GetProperty("width").GetInt32() > 0 && f.GetProperty("height").GetInt32() > 0, f.ToString()));
        Assert.DoesNotMatch(ConsoleError(), log);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        await ChromiumAsync(["--window-size=1100,5000", "--screenshot=" + screenshot, html], ct);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "screenshot missing or empty");
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

    private static async Task<(string Stdout, string Stderr)> ChromiumAsync(string[] arguments, CancellationToken ct)
    {
        var binary = Environment.GetEnvironmentVariable("OPENCHRONIC_CHROMIUM") ?? "chromium";
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Chromium ('{binary}') could not be started: install Debian's chromium package (./test.sh does) or set OPENCHRONIC_CHROMIUM. {e.Message}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return (await stdout, await stderr);
        }
    }

    [GeneratedRegex("<figure ")]
    private static partial Regex FigureTag();

    [GeneratedRegex("<pre id=\"selfcheck\"[^>]*>([^<]*)</pre>")]
    private static partial Regex SelfCheck();

    // Chromium logs page console messages as "CONSOLE(line)] "message", source: …"; errors from the page are "Uncaught …".
    [GeneratedRegex(@"CONSOLE\(\d+\)\].*(Uncaught|Error)")]
    private static partial Regex ConsoleError();
}
