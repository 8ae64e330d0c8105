namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Open-addressing hash map from non-negative 64-bit keys to dense ids 0..Count-1, reused between groupings
/// (no allocation once large enough). Ids are given in first-insertion order.
/// </summary>
internal sealed class LongIntMap
{
    private long[] _keys = [];
    private int[] _values = [];
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

        if (_keys.Length < capacity)
        {
            _keys = new long[capacity];
            _values = new int[capacity];
        }
        else
        {
            capacity = _keys.Length;
        }

        Array.Fill(_keys, -1L, 0, capacity);
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        Count = 0;
    }

    /// <summary>The id of <paramref name="key"/>, adding it with the next id when absent.</summary>
    public int GetOrAdd(long key)
    {
        unchecked
        {
            var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift) & _mask;
            while (true)
            {
                var k = _keys[slot];
                if (k == key)
                {
                    return _values[slot];
                }

                if (k < 0)
                {
                    _keys[slot] = key;
                    _values[slot] = Count;
                    return Count++;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }
}
