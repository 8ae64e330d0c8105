using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenChronic.Client.Tests.Report;

/// <summary>
/// Renders a report in headless Chromium (Debian's <c>chromium</c>, installed by ./test.sh; or $OPENCHRONIC_CHROMIUM) and
/// checks it: no network reference, no script or console error, every figure of non-zero size; writes a screenshot.
/// </summary>
internal static partial class ReportRendering
{
    /// <summary>Checks the rendering of <paramref name="html"/>; returns the number of figures.</summary>
    public static async Task<int> AssertRendersAsync(string html, int minimumFigures, string screenshotName, CancellationToken ct)
    {
        var text = await File.ReadAllTextAsync(html, ct);
        Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        var figures = FigureTag().Count(text);
        Assert.True(figures >= minimumFigures, $"only {figures} figures");

        var (dom, log) = await ChromiumAsync(["--dump-dom", html], ct);
        var check = SelfCheck().Match(dom);
        Assert.True(check.Success, "the report's self-check did not run:\n" + log);
        using var json = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(check.Groups[1].Value));
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
        var sizes = json.RootElement.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(figures, sizes.Count);
        Assert.All(sizes, f => Assert.True(f.GetProperty("width").GetInt32() > 0 && f.GetProperty("height").GetInt32() > 0, f.ToString()));
        Assert.DoesNotMatch(ConsoleError(), log);

        var screenshot = Path.Combine(AppContext.BaseDirectory, screenshotName);
        await ChromiumAsync(["--window-size=1100,5000", "--screenshot=" + screenshot, html], ct);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "screenshot missing or empty");
        return figures;
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
