namespace OpenChronic.Domain.Pathways;

/// <summary>
/// A patient's events, kept sorted (<see cref="CareEvent.CompareTo"/>) in one compact array of 32-byte structs.
/// Events usually arrive in time order unit after unit, so adding is an append; an out-of-order unit costs a sort.
/// Not thread-safe (a grain owns it).
/// </summary>
public sealed class PatientTimeline
{
    private CareEvent[] _events;
    private int _count;

    public PatientTimeline(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _events = capacity == 0 ? [] : new CareEvent[capacity];
    }

    /// <summary>The events in timeline order.</summary>
    public ReadOnlySpan<CareEvent> Events => _events.AsSpan(0, _count);

    public int Count => _count;

    /// <summary>Bytes held by the event array (capacity × 32), the resident cost beyond the grain itself.</summary>
    public long ResidentBytes => (long)_events.Length * EventPack.BytesPerEvent;

    /// <summary>Adds events, keeping the timeline sorted.</summary>
    public void Add(ReadOnlySpan<CareEvent> events)
    {
        if (events.IsEmpty)
        {
            return;
        }

        EnsureCapacity(_count + events.Length);
        events.CopyTo(_events.AsSpan(_count));
        SortAppended(events.Length);
    }

    /// <summary>Adds the events of a pack.</summary>
    public void AddPack(ReadOnlySpan<byte> pack)
    {
        var n = EventPack.Count(pack);
        EnsureCapacity(_count + n);
        EventPack.Unpack(pack, _events.AsSpan(_count, n));
        SortAppended(n);
    }

    /// <summary>Drops spare capacity once a build is over.</summary>
    public void TrimExcess()
    {
        if (_events.Length != _count)
        {
            Array.Resize(ref _events, _count);
        }
    }

    /// <summary>Index of the first event on or after <paramref name="day"/> (binary search).</summary>
    public int FirstOnOrAfter(int day)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_events[mid].Day < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // The appended stretch is sorted on its own; only when it starts before the last old event is the whole re-sorted.
    private void SortAppended(int added)
    {
        var start = _count;
        _count += added;
        if (added == 0)
        {
            return;
        }

        var tail = _events.AsSpan(start, added);
        tail.Sort();
        if (start > 0 && tail[0] < _events[start - 1])
        {
            _events.AsSpan(0, _count).Sort();
        }
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _events.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, Math.Max(16, _events.Length + (_events.Length / 2)));
        Array.Resize(ref _events, capacity);
    }
}
