using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenChronic.Client;

/// <summary>
/// The garbage collector's young-generation (gen0) budget of the console. The runtime sizes it from the processor's
/// cache, a few megabytes here, so a build that allocates gigabytes of short-lived buffers and messages collects
/// hundreds of times and promotes what is merely in flight (docs/benchmarks/build.md measures it). The budget can only
/// be set in the environment: <c>DOTNET_GCgen0size</c> has no <c>runtimeconfig.json</c> name (tried, ignored). So when
/// the variable is not set, the console runs itself once more with it set to 256 MiB, forwarding Ctrl-C, SIGTERM and
/// the exit code. Setting the variable yourself skips this (<c>DOTNET_GCgen0size=0</c> keeps the runtime's default).
/// </summary>
internal static class GcBudget
{
    /// <summary>The runtime's environment knob for the gen0 budget (bytes, hexadecimal).</summary>
    public const string Variable = "DOTNET_GCgen0size";

    /// <summary>256 MiB: measured at 50,000 persons, 277 → 42 gen0 collections and 9.4 → 4.3 s of pauses.</summary>
    public const string Budget = "0x10000000";

    /// <summary>
    /// Runs this console again with the budget set and returns its exit code, or null when this process should do the
    /// work itself (the variable is set, or the platform is not Unix, or the executable is unknown).
    /// </summary>
    public static async Task<int?> RelaunchAsync(string[] args)
    {
        var host = Environment.ProcessPath;
        if (Environment.GetEnvironmentVariable(Variable) is not null || host is null || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return null;
        }

        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.Ordinal))
        {
            // Started as `dotnet openchronic.dll …`: the same again.
            start.ArgumentList.Add(typeof(GcBudget).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[Variable] = Budget;
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");

        // Ctrl-C reaches the whole foreground process group: the child cancels its work, this process only waits for it.
        // A SIGTERM addressed to this process alone is passed on, so that the child shuts down as it would have.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            _ = Signals.Terminate(child.Id);
        });
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }
}
