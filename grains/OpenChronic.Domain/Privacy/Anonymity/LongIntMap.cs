namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Open-addressing hash map from non-negative 64-bit keys to dense ids 0..Count-1, reused between groupings
/// (no allocation once large enough). Key and id share one slot so a probe touches one cache line. Ids are
/// given in first-insertion order.
/// </summary>
internal sealed class LongIntMap
{
    private Slot[] _slots = [];
    private int _mask;
    private int _shift;

    public int Count { get; private set; }

    /// <summary>Empties the map and makes room for <paramref name="expected"/> distinct keys.</summary>
    public void Reset(int expected)
    {
        var capacity = 16;
        while (capacity < expected * 2L && capacity < (1 << 30))
        {
            capacity <<= 1;
        }

        if (_slots.Length < capacity)
        {
            _slots = new Slot[capacity];
        }

        // only the first `capacity` slots are used, so a small grouping after a large one stays cheap
        _slots.AsSpan(0, capacity).Fill(new Slot(-1, 0));
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        Count = 0;
    }

    /// <summary>The id of <paramref name="key"/>, adding it with the next id when absent.</summary>
    public int GetOrAdd(long key)
    {
        unchecked
        {
            var slots = _slots;
            var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift) & _mask;
            while (true)
            {
                ref var s = ref slots[slot];
                if (s.Key == key)
                {
                    return s.Value;
                }

                if (s.Key < 0)
                {
                    s.Key = key;
                    s.Value = Count;
                    return Count++;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    private struct Slot(long key, int value)
    {
        public long Key = key;
        public int Value = value;
    }
}
