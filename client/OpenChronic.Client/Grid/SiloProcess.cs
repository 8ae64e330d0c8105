using System.Diagnostics;
using System.Globalization;

namespace OpenChronic.Client.Grid;

/// <summary>
/// One silo host (<c>OpenChronic.Silo</c>) running as its own process in cluster mode on free loopback ports, its
/// output appended to a log file. <see cref="Kill"/> is a crash (SIGKILL); <see cref="StopAsync"/> a clean shutdown.
/// </summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Environment variable naming the silo assembly when it is not next to the console's.</summary>
    public const string AssemblyVariable = "OPENCHRONIC_SILO_DLL";

    /// <summary>Environment variable naming a folder where each started silo leaves a file named by its process id (test.sh stops them all).</summary>
    public const string PidDirectoryVariable = "OPENCHRONIC_SILO_PID_DIR";

    private readonly Process _process;

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a silo of <paramref name="cluster"/> whose patient keys derive from <paramref name="secret"/>.</summary>
    public static SiloProcess Start(ClusterConnection cluster, string secret, string logFile, TimeSpan? collectionAge = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Locate());
        start.Environment["OpenChronic__PseudonymKey"] = secret;
        start.Environment["OpenChronic__Cluster__ConnectionString"] = cluster.ConnectionString;
        start.Environment["OpenChronic__Cluster__ClusterId"] = cluster.ClusterId;
        start.Environment["OpenChronic__Cluster__ServiceId"] = cluster.ServiceId;
        start.Environment["Silo__Port"] = siloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Silo__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Silo__AdvertisedAddress"] = "127.0.0.1";

        // The silo holds the patients: the same young-generation budget as the console's (see GcBudget).
        start.Environment[GcBudget.Variable] = Environment.GetEnvironmentVariable(GcBudget.Variable) ?? GcBudget.Budget;
        if (collectionAge is { } age)
        {
            start.Environment["OpenChronic__Cluster__CollectionAge"] = age.ToString("c", CultureInfo.InvariantCulture);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        string? pidFile = null;
        if (Environment.GetEnvironmentVariable(PidDirectoryVariable) is { Length: > 0 } pids && Directory.Exists(pids))
        {
            pidFile = Path.Combine(pids, process.Id.ToString(CultureInfo.InvariantCulture));
            File.WriteAllText(pidFile, "");
        }

        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Append(log, gate, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, gate, e.Data);
        process.Exited += (_, _) =>
        {
            log.Dispose();
            if (pidFile is not null)
            {
                File.Delete(pidFile);
            }
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SiloProcess(process, siloPort, gatewayPort);
    }

    /// <summary>Kills the process at once (SIGKILL): no deactivation, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Asks the silo to shut down (SIGTERM) and waits; kills it when it takes longer than <paramref name="patience"/>.</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Signals.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
    }

    /// <summary>The silo assembly: <c>$OPENCHRONIC_SILO_DLL</c>, else next to this assembly, else the repository's Release build.</summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(AssemblyVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var here = Path.Combine(AppContext.BaseDirectory, "OpenChronic.Silo.dll");
        if (File.Exists(here) && File.Exists(Path.Combine(AppContext.BaseDirectory, "OpenChronic.Silo.runtimeconfig.json")))
        {
            return here;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var built = Path.Combine(dir.FullName, "silos", "OpenChronic.Silo", "bin", "Release", "net10.0", "OpenChronic.Silo.dll");
            if (File.Exists(built))
            {
                return built;
            }
        }

        throw new FileNotFoundException($"No OpenChronic.Silo.dll found: build silos/OpenChronic.Silo (Release) or set {AssemblyVariable}.");
    }

    private static void Append(StreamWriter log, Lock gate, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process exited while its last lines were in flight.
            }
        }
    }

}
