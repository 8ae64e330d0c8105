using System.Diagnostics;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// A set of 64-bit key hashes with open addressing (linear probing) over one <c>ulong[]</c>: about
/// 12 to 16 bytes per key, so that the keys of tens of millions of rows fit in memory. Two different
/// keys with the same hash are taken as equal; among n keys that happens with probability about n²/2^65.
/// </summary>
internal sealed class KeyHashSet
{
    private const int MinCapacity = 1024;

    // 0 marks an empty slot, so a hash of 0 is stored as 1 (one more collision pair in 2^64).
    private ulong[] _slots = new ulong[MinCapacity];
    private int _count;

    public int Count => _count;

    /// <summary>Adds a hash; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            hash = 1;
        }

        // Grow at 70 % load, so that probe sequences stay short.
        if ((long)(_count + 1) * 10 > (long)_slots.Length * 7)
        {
            Grow();
        }

        if (!Insert(_slots, hash))
        {
            return false;
        }

        _count++;
        return true;
    }

    public bool Contains(ulong hash)
    {
        if (hash == 0)
        {
            hash = 1;
        }

        var mask = _slots.Length - 1;
        var i = Slot(hash, mask);
        while (true)
        {
            var slot = _slots[i];
            if (slot == hash)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }

            i = (i + 1) & mask;
        }
    }

    private static int Slot(ulong hash, int mask) => (int)((hash ^ (hash >> 32)) & (ulong)mask);

    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        var i = Slot(hash, mask);
        while (true)
        {
            var slot = slots[i];
            if (slot == hash)
            {
                return false;
            }

            if (slot == 0)
            {
                slots[i] = hash;
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var bigger = new ulong[checked(_slots.Length * 2)];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                var added = Insert(bigger, hash);
                Debug.Assert(added, "A hash cannot be twice in the set.");
            }
        }

        _slots = bigger;
    }
}
