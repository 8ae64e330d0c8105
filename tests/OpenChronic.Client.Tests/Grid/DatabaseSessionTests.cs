using OpenChronic.Client.Grid;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Tests.Grid;

[Collection(BuiltDatabaseCollection.Name)]
public sealed class DatabaseSessionTests : IDisposable
{
    private readonly BuiltDatabaseFixture _built;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-session-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly IAnsiConsole _console;

    public DatabaseSessionTests(BuiltDatabaseFixture built)
    {
        _built = built;
        Directory.CreateDirectory(_root);
        _console = TestConsoles.Capture(_output);
    }

    [Fact]
    public async Task OpenAsync_BuiltDatabase_LoadsEveryPatientAndReexportsIdenticalTables()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = _built.Database;
        var again = Path.Combine(_root, "again");

        await using (var session = await DatabaseSession.OpenAsync(db, _console, ct))
        {
            var manifest = DatabaseManifest.Read(db);
            Assert.Equal(manifest.Patients, session.Patients);
            Assert.Equal(manifest.Rows["events"], session.Events);
            Assert.Equal([2019, 2020, 2021], session.Years);
            using var writer = new DatabaseWriter(again);
            Assert.Equal(session.Patients, await DatabaseExport.ExportAsync(session.Grains, writer, session.Years, null, ct));
        }

        foreach (var (table, _, _) in DatabaseTables.All)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(db, table + ".parquet")).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, table + ".parquet"))),
                $"table {table} differs after loading the database back");
        }
    }

    [Fact]
    public async Task OpenAsync_FolderWithoutDatabase_ThrowsALocatedError()
    {
        var e = await Assert.ThrowsAsync<DatabaseFormatException>(() => DatabaseSession.OpenAsync(_root, _console, TestContext.Current.CancellationToken));
        Assert.Contains("database.json", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still mapped by a native reader; the temp folder is cleaned by the OS
        }
    }
}
