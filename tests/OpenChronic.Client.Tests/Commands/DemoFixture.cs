using OpenChronic.Client.Commands;

namespace OpenChronic.Client.Tests.Commands;

/// <summary>One <c>openchronic demo</c> run at a small size, shared by the tests of its stages, summary and report.</summary>
public sealed class DemoFixture : IAsyncLifetime
{
    public const int Patients = 2_500;

    private readonly StringWriter _output = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "openchronic-demo-" + Path.GetFileNameWithoutExtension(Path.GetRandomFileName()));

    public int ExitCode { get; private set; }

    /// <summary>What the demo printed (for failure messages).</summary>
    public string Output => _output.ToString();

    public async ValueTask InitializeAsync()
    {
        var console = TestConsoles.Capture(_output);
        console.Profile.Width = 200;
        ExitCode = await DemoCommand.RunAsync(Patients, Root, 3, console, CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _output.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a file still mapped by a native reader; the temp folder is cleaned by the OS
        }

        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>
{
    public const string Name = "demo run";
}
