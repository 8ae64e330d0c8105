using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// A patient's events of one work unit packed column-wise into one <c>byte[]</c> (a length-prefixed blit on the
/// wire, the fastest grain-call payload measured): a 8-byte header (magic, version, count) then the columns
/// day, end day, kind, traits, specialty, code, detail, value. 32 bytes per event plus the header.
/// </summary>
public static class EventPack
{
    private const uint Magic = 0x4B504345; // "ECPK" little-endian
    private const int HeaderSize = 8;

    /// <summary>Bytes per packed event.</summary>
    public const int BytesPerEvent = 4 + 4 + 1 + 1 + 2 + 8 + 8 + 4;

    /// <summary>Packs events in the given order.</summary>
    public static byte[] Pack(ReadOnlySpan<CareEvent> events)
    {
        var n = events.Length;
        var bytes = new byte[HeaderSize + (n * BytesPerEvent)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), n);
        var w = new ColumnWriter(bytes.AsSpan(HeaderSize), n);
        for (var i = 0; i < n; i++)
        {
            w.Set(i, events[i]);
        }

        return bytes;
    }

    /// <summary>Number of events in a pack; throws <see cref="InvalidDataException"/> for a malformed pack.</summary>
    public static int Count(ReadOnlySpan<byte> pack)
    {
        if (pack.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(pack) != Magic)
        {
            throw new InvalidDataException("Not an event pack (bad header).");
        }

        var n = BinaryPrimitives.ReadInt32LittleEndian(pack[4..]);
        if (n < 0 || (long)pack.Length != HeaderSize + ((long)n * BytesPerEvent))
        {
            throw new InvalidDataException($"Malformed event pack: {pack.Length} bytes for {n} events.");
        }

        return n;
    }

    /// <summary>Unpacks into <paramref name="destination"/> (at least <see cref="Count"/> long); returns the count.</summary>
    public static int Unpack(ReadOnlySpan<byte> pack, Span<CareEvent> destination)
    {
        var n = Count(pack);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, n);
        var body = pack[HeaderSize..];
        var days = MemoryMarshal.Cast<byte, int>(body[..(4 * n)]);
        var ends = MemoryMarshal.Cast<byte, int>(body.Slice(4 * n, 4 * n));
        var kinds = body.Slice(8 * n, n);
        var traits = body.Slice(9 * n, n);
        var specialties = MemoryMarshal.Cast<byte, short>(body.Slice(10 * n, 2 * n));
        var codes = MemoryMarshal.Cast<byte, ulong>(body.Slice(12 * n, 8 * n));
        var details = MemoryMarshal.Cast<byte, ulong>(body.Slice(20 * n, 8 * n));
        var values = MemoryMarshal.Cast<byte, float>(body.Slice(28 * n, 4 * n));
        for (var i = 0; i < n; i++)
        {
            destination[i] = new CareEvent(days[i], ends[i], (CareEventKind)kinds[i], (CareEventTraits)traits[i],
                specialties[i], codes[i], details[i], values[i]);
        }

        return n;
    }

    /// <summary>Unpacks into a new array.</summary>
    public static CareEvent[] Unpack(ReadOnlySpan<byte> pack)
    {
        var events = new CareEvent[Count(pack)];
        Unpack(pack, events);
        return events;
    }

    private readonly ref struct ColumnWriter
    {
        private readonly Span<int> _days;
        private readonly Span<int> _ends;
        private readonly Span<byte> _kinds;
        private readonly Span<byte> _traits;
        private readonly Span<short> _specialties;
        private readonly Span<ulong> _codes;
        private readonly Span<ulong> _details;
        private readonly Span<float> _values;

        public ColumnWriter(Span<byte> body, int n)
        {
            _days = MemoryMarshal.Cast<byte, int>(body[..(4 * n)]);
            _ends = MemoryMarshal.Cast<byte, int>(body.Slice(4 * n, 4 * n));
            _kinds = body.Slice(8 * n, n);
            _traits = body.Slice(9 * n, n);
            _specialties = MemoryMarshal.Cast<byte, short>(body.Slice(10 * n, 2 * n));
            _codes = MemoryMarshal.Cast<byte, ulong>(body.Slice(12 * n, 8 * n));
            _details = MemoryMarshal.Cast<byte, ulong>(body.Slice(20 * n, 8 * n));
            _values = MemoryMarshal.Cast<byte, float>(body.Slice(28 * n, 4 * n));
        }

        public void Set(int i, in CareEvent e)
        {
            _days[i] = e.Day;
            _ends[i] = e.EndDay;
            _kinds[i] = (byte)e.Kind;
            _traits[i] = (byte)e.Traits;
            _specialties[i] = e.Specialty;
            _codes[i] = e.Code;
            _details[i] = e.Detail;
            _values[i] = e.Value;
        }
    }
}
