using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace OpenChronic.Silo;

/// <summary>
/// Grain storage for a single-silo grid: each state is kept serialized in a dictionary of this process, so a read or a
/// write costs one serialization and no grain call. Orleans' memory storage routes every read and write through a
/// storage grain (a message, a deep copy of the state, a turn of that grain), which made the first activation of each
/// patient and each commit a second grain call. Like the memory storage it is volatile: it lasts as long as the silo.
/// Writes and clears check the caller's ETag (optimistic concurrency), as a durable storage does.
/// </summary>
public sealed class InProcessGrainStorage(IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _states = new();
    private long _version;

    /// <summary>States held.</summary>
    public int Count => _states.Count;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data) ?? activators.GetActivator<T>().Create();
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        var data = serializer.Serialize(grainState.State);
        var next = new Stored(data, NextETag());
        while (true)
        {
            if (_states.TryGetValue(key, out var current))
            {
                Check(stateName, current.ETag, grainState.ETag);
                if (_states.TryUpdate(key, next, current))
                {
                    break;
                }
            }
            else
            {
                Check(stateName, null, grainState.ETag);
                if (_states.TryAdd(key, next))
                {
                    break;
                }
            }
        }

        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        if (_states.TryGetValue(key, out var current))
        {
            Check(stateName, current.ETag, grainState.ETag);
            _states.TryRemove(KeyValuePair.Create(key, current));
        }

        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string NextETag() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);

    // The grain's ETag must be the stored one (null when nothing is stored): otherwise another activation wrote since.
    private static void Check(string stateName, string? stored, string? given)
    {
        if (!string.Equals(stored, given, StringComparison.Ordinal))
        {
            throw new InconsistentStateException($"State '{stateName}': stored version {stored ?? "none"}, the grain holds {given ?? "none"}.", stored, given);
        }
    }

    private sealed record Stored(BinaryData Data, string ETag);
}
