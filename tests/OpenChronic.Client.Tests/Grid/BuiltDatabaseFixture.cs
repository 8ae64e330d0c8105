using OpenChronic.Client.Commands;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Synthetic;

namespace OpenChronic.Client.Tests.Grid;

/// <summary>A small synthetic extract built once into an Open Chronic database, shared by the tests that need one.</summary>
public sealed class BuiltDatabaseFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "openchronic-built-" + Guid.NewGuid().ToString("N"));

    public string Extract => Path.Combine(Root, "extract");

    public string Database => Path.Combine(Root, "db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        SyntheticGenerator.Generate(new SynthOptions(600, 2019, 2021, 11, SndsFileFormat.Parquet, Extract, 0.01));
        using var output = new StringWriter();
        var console = TestConsoles.Capture(output);
        var exit = await BuildCommand.RunAsync(Extract, Database, "fixture-key", null, console, CancellationToken.None);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The fixture's build failed ({exit}):\n{output}");
        }
    }

    public ValueTask DisposeAsync()
    {
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
public sealed class BuiltDatabaseCollection : ICollectionFixture<BuiltDatabaseFixture>
{
    public const string Name = "built database";
}
