using System.Diagnostics;

namespace OpenChronic.Client.Grid;

/// <summary>
/// N silo processes of one cluster on this machine, against a PostgreSQL that is already running and installed
/// (<c>deploy/</c>), with a connected client. Used by <c>bench cluster</c> and the cluster tests.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos = [];
    private readonly string _secret;
    private readonly string _logDirectory;
    private readonly TimeSpan? _collectionAge;
    private ClusterGrid? _client;

    private LocalCluster(ClusterConnection connection, string secret, string logDirectory, TimeSpan? collectionAge)
    {
        Connection = connection;
        _secret = secret;
        _logDirectory = logDirectory;
        _collectionAge = collectionAge;
    }

    public ClusterConnection Connection { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IGrainFactory Grains => (_client ?? throw new InvalidOperationException("The cluster is not started.")).Grains;

    /// <summary>Starts <paramref name="silos"/> silo processes and waits until all are active and a client is connected.</summary>
    public static async Task<LocalCluster> StartAsync(ClusterConnection connection, string secret, int silos, string logDirectory,
        CancellationToken cancellationToken, TimeSpan? collectionAge = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        Directory.CreateDirectory(logDirectory);
        var cluster = new LocalCluster(connection, secret, logDirectory, collectionAge);
        try
        {
            await cluster.StartSilosAsync(silos, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts more silo processes and waits until the membership lists them as active.</summary>
    public async Task StartSilosAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            _silos.Add(SiloProcess.Start(Connection, _secret, Path.Combine(_logDirectory, $"silo-{_silos.Count + 1}.log"), _collectionAge));
        }

        _client ??= await ClusterGrid.ConnectAsync(Connection, cancellationToken, TimeSpan.FromMinutes(2));
        await WaitForActiveAsync(_silos.Count(s => !s.HasExited), cancellationToken);
    }

    /// <summary>Waits until exactly <paramref name="expected"/> silos are active (dead ones declared dead, new ones joined).</summary>
    public async Task WaitForActiveAsync(int expected, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = patience ?? TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                if (await _client!.ActiveSilosAsync() == expected)
                {
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException && clock.Elapsed < limit)
            {
                // The gateway the client used may be the silo that just died; the client fails over.
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"The cluster did not reach {expected} active silos in {limit.TotalSeconds:F0} s (logs in {_logDirectory}).");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Stops every silo cleanly (the cluster's state stays in PostgreSQL) and closes the client.</summary>
    public async Task StopAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
            _client = null;
        }

        await Task.WhenAll(_silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(30))));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            foreach (var silo in _silos)
            {
                silo.Kill();
                await silo.DisposeAsync();
            }
        }
    }
}
