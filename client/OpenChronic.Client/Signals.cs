using System.Runtime.InteropServices;

namespace OpenChronic.Client;

/// <summary>Unix signals to other processes (.NET can only kill them outright).</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to shut down (SIGTERM), as a service manager would; false when it could not be signalled.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
