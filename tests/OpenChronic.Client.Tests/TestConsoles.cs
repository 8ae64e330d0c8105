using Spectre.Console;

namespace OpenChronic.Client.Tests;

/// <summary>A console that writes plain text (no ANSI codes, no prompts) to a writer, so that tests can read what a command printed.</summary>
internal static class TestConsoles
{
    public static IAnsiConsole Capture(TextWriter output) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
}
