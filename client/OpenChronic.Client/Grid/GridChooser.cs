using OpenChronic.Domain.Privacy;
using Spectre.Console;

namespace OpenChronic.Client.Grid;

/// <summary>
/// Picks the grid a command runs on: the cluster named by <c>--cluster</c> or <c>$OPENCHRONIC_CLUSTER</c> when set,
/// else an embedded silo in this process (the default).
/// </summary>
internal static class GridChooser
{
    /// <summary>
    /// Opens the grid. In cluster mode the silos derive patient keys under their own configured secret, so
    /// <paramref name="pseudonym"/> only serves the embedded grid.
    /// </summary>
    public static async Task<GridHandle> OpenAsync(string? cluster, KeyedPseudonym pseudonym, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (ClusterConnection.Resolve(cluster) is { } connection)
        {
            console.MarkupLineInterpolated($"Cluster mode: cluster [bold]{connection.ClusterId}[/], service [bold]{connection.ServiceId}[/] (patient keys use the silos' secret).");
            var grid = await ClusterGrid.ConnectAsync(connection, cancellationToken);
            return new GridHandle(grid.Grains, grid);
        }

        var embedded = await EmbeddedGrid.StartAsync(pseudonym, cancellationToken);
        return new GridHandle(embedded.Grains, embedded);
    }
}

/// <summary>A grid's grain factory and what to dispose when the command is done with it.</summary>
internal sealed class GridHandle(IGrainFactory grains, IAsyncDisposable owner) : IAsyncDisposable
{
    public IGrainFactory Grains { get; } = grains;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
