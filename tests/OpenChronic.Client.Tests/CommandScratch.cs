using Spectre.Console;

namespace OpenChronic.Client.Tests;

/// <summary>
/// A command test's scratch: a temporary folder (not created) and a console captured as plain text. Disposing deletes
/// the folder, best effort: a Parquet file still mapped by a reader leaves it to the system's cleaning.
/// </summary>
internal sealed class CommandScratch : IDisposable
{
    public CommandScratch(string prefix)
    {
        Root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Console = TestConsoles.Capture(Output);
    }

    public string Root { get; }

    public StringWriter Output { get; } = new();

    public IAnsiConsole Console { get; }

    public void Dispose()
    {
        Output.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still mapped, or never created.
        }
    }
}
