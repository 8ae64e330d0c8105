using System.Diagnostics;
using System.Text.Json.Serialization;

namespace OpenChronic.Client.Commands;

/// <summary>
/// Wall-clock and process CPU time of named stages. On a machine shared with other jobs the CPU seconds are the
/// steadier figure; both are reported, never one for the other.
/// </summary>
internal sealed class BenchBuildStages : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();

    public List<BenchStage> Stages { get; } = [];

    /// <summary>Runs <paramref name="work"/> as stage <paramref name="name"/> over <paramref name="rows"/> source rows (0 when none).</summary>
    public async Task<T> Time<T>(string name, long rows, Func<Task<T>> work)
    {
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await work();
        clock.Stop();
        _process.Refresh();
        Stages.Add(new BenchStage(name, clock.Elapsed.TotalSeconds, (_process.TotalProcessorTime - cpu).TotalSeconds, rows));
        return result;
    }

    /// <summary>Records a stage measured elsewhere (CPU unknown: 0).</summary>
    public void Add(string name, double seconds, long rows) => Stages.Add(new BenchStage(name, seconds, 0, rows));

    /// <summary>Peak working set of the process so far (VmHWM on Linux).</summary>
    public long PeakWorkingSet()
    {
        _process.Refresh();
        return _process.PeakWorkingSet64;
    }

    /// <summary>Managed heap after full, compacting collections.</summary>
    public static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public void Dispose() => _process.Dispose();
}

/// <summary>One measured stage: wall seconds, process CPU seconds (0 when not measured) and the source rows it handled.</summary>
internal sealed record BenchStage(string Name, double Seconds, double CpuSeconds, long Rows);

/// <summary>What <c>bench build</c> measured (<c>bench-build.json</c>).</summary>
internal sealed record BenchBuildResult(
    int Patients,
    string Years,
    ulong Seed,
    int Cores,
    double LoadAverageBefore,
    double LoadAverageAfter,
    long SourceRows,
    long Events,
    long RejectedRows,
    double IngestSeconds,
    double IngestCpuSeconds,
    double CommitSeconds,
    long PeakWorkingSetBytes,
    long HeapBeforeBytes,
    long HeapResidentBytes,
    long TimelineBytes,
    IReadOnlyList<BenchStage> Stages,
    double IngestGcPauseSeconds = 0,
    long IngestAllocatedBytes = 0);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BenchBuildResult))]
internal sealed partial class BenchBuildJson : JsonSerializerContext;
