using System.Diagnostics;
using System.Globalization;

namespace OpenChronic.Client.Tests;

/// <summary>The console relaunches itself with the gen0 budget set, passes its exit code on and forwards SIGTERM.</summary>
public sealed class GcBudgetTests
{
    private static readonly string s_console = typeof(GcBudget).Assembly.Location;

    private static Process Start(string? variable, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(s_console);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(GcBudget.Variable);
        if (variable is not null)
        {
            start.Environment[GcBudget.Variable] = variable;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static async Task<(int Code, string Output)> RunAsync(string? variable, params string[] args)
    {
        using var process = Start(variable, args);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    // The children of a process, read from /proc (Linux).
    private static int[] Children(int parent) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)];

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    [Fact]
    public async Task Relaunch_WithoutTheVariable_GivesTheSameOutputAndExitCodeAsARunWithIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Linux only.");
        var missing = Path.Combine(Path.GetTempPath(), "no-such-extract-" + Guid.NewGuid().ToString("N"));

        var relaunched = await RunAsync(null, "validate", missing);
        var direct = await RunAsync("0", "validate", missing);

        Assert.NotEqual(0, direct.Code);
        Assert.Equal(direct.Code, relaunched.Code);
        Assert.Equal(direct.Output, relaunched.Output);
    }

    [Fact]
    public async Task Relaunch_ChildHasTheBudget_AndASigtermToTheParentEndsBoth()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Linux only.");
        using var scratch = new CommandScratch("oc-gcbudget-");
        using var parent = Start(null, "synth", "--patients", "2000000", "--years", "2019-2021", "--out", scratch.Root);
        _ = parent.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = parent.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // The relaunched console is the parent's child running the same command.
        var child = 0;
        for (var tries = 0; tries < 600 && child == 0 && !parent.HasExited; tries++)
        {
            child = Children(parent.Id).FirstOrDefault(pid => File.ReadAllText($"/proc/{pid}/cmdline").Contains("synth", StringComparison.Ordinal));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.NotEqual(0, child);
        var environment = File.ReadAllText($"/proc/{child}/environ").Split('\0');
        Assert.Contains($"{GcBudget.Variable}={GcBudget.Budget}", environment);

        using (var kill = Process.Start("kill", ["-TERM", parent.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await parent.WaitForExitAsync(timeout.Token);
        Assert.False(Directory.Exists($"/proc/{child}"), "the relaunched console outlived its parent");
        Assert.NotEqual(0, parent.ExitCode);
    }
}
