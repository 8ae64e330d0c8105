using System.Globalization;
using System.Security.Cryptography;
using OpenChronic.Domain.Privacy;
using OpenChronic.Ingestion.Database;
using Spectre.Console;

namespace OpenChronic.Client.Grid;

/// <summary>
/// A built database loaded into an embedded grid, for the commands that work on a database rather than an extract
/// (cohorts, analyses): patient grains hold the database's patients and events, pathways are derived for the
/// database's years and the partitions hold every summary. Disposing it stops the grid.
/// </summary>
internal sealed class DatabaseSession : IAsyncDisposable
{
    private readonly EmbeddedGrid _grid;

    private DatabaseSession(EmbeddedGrid grid, string directory, DatabaseManifest manifest, long patients, long events)
    {
        _grid = grid;
        Directory = directory;
        Manifest = manifest;
        Patients = patients;
        Events = events;
    }

    public IGrainFactory Grains => _grid.Grains;

    public IServiceProvider Services => _grid.Services;

    public string Directory { get; }

    public DatabaseManifest Manifest { get; }

    /// <summary>The years the database was derived for.</summary>
    public int[] Years => [.. Manifest.Years];

    public long Patients { get; }

    public long Events { get; }

    /// <summary>
    /// Starts an embedded grid and loads <paramref name="dbDirectory"/> into it, showing progress on
    /// <paramref name="console"/>. Throws <see cref="DatabaseFormatException"/> (file, row, column, reason) when the
    /// folder is not a readable Open Chronic database.
    /// </summary>
    public static async Task<DatabaseSession> OpenAsync(string dbDirectory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var directory = Path.GetFullPath(dbDirectory);
        var reader = DatabaseReader.Open(directory);

        // Patients in a database are already pseudonymous: the grid never sees a raw identifier, so its own key is
        // random and serves nothing.
        var grid = await EmbeddedGrid.StartAsync(KeyedPseudonym.FromPassphrase(Convert.ToHexString(RandomNumberGenerator.GetBytes(32))), cancellationToken);
        try
        {
            var total = reader.Manifest.Patients;
            console.MarkupLineInterpolated($"Loading the database [bold]{directory}[/] ({total:N0} patients, years {string.Join(", ", reader.Manifest.Years)})…");
            var step = Math.Max(total / 10, 1);
            var next = step;
            var (patients, events) = await DatabaseLoader.LoadAsync(grid.Grains, reader, new Progress<long>(n =>
            {
                if (n >= next || n == total)
                {
                    next = n + step;
                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]  {n:N0}/{total:N0} patients loaded[/]"));
                }
            }), cancellationToken);
            return new DatabaseSession(grid, directory, reader.Manifest, patients, events);
        }
        catch
        {
            await grid.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _grid.DisposeAsync();
}
