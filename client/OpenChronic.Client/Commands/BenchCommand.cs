using System.CommandLine;

namespace OpenChronic.Client.Commands;

/// <summary><c>openchronic bench ...</c>: measurements of Open Chronic's building blocks on generated data.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure Open Chronic's building blocks on generated data.")
    {
        BenchIoCommand.Create(),
        BenchAnonymizeCommand.CreateAnonymize(),
        BenchBuildCommand.Create(),
        BenchClusterCommand.Create(),
        BenchCalibrateCommand.Create(),
        BenchPredictCommand.Create(),
        BenchReferenceCommand.Create(),
        BenchAllCommand.Create(),
        BenchCoordinationCommand.Create(),
    };
}
