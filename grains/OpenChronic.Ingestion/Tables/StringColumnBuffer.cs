using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Catalogue text (codes, keys, identifiers) as Arrow Utf8: the characters are encoded straight into the
/// batch's value buffer, so no string is allocated per row. Numbers and dates from typed sources are
/// written in their invariant text form (a key stored as an integer keeps its digits).
/// </summary>
internal sealed class StringColumnBuffer : ColumnBuffer
{
    private byte[] _offsets;
    private byte[] _data;

    public StringColumnBuffer(SndsColumn column, int capacity)
        : base(column, capacity)
    {
        _offsets = new byte[checked((capacity + 1) * sizeof(int))];
        _data = new byte[Math.Max(1024, capacity * 8)];
    }

    private Span<int> Offsets => MemoryMarshal.Cast<byte, int>(_offsets.AsSpan());

    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason)
    {
        reason = "";
        var start = Offsets[Count];
        var room = EnsureRoom(start, checked(text.Length * 3));
        var written = Encoding.UTF8.GetBytes(text, room);
        Finish(start + written);
        return true;
    }

    public void AppendUtf8(ReadOnlySpan<byte> bytes)
    {
        var start = Offsets[Count];
        bytes.CopyTo(EnsureRoom(start, bytes.Length));
        Finish(start + bytes.Length);
    }

    public override void AppendSame(IArrowArray source, int row) => AppendUtf8(((StringArray)source).GetBytes(row, out _));

    public override bool TryAppendInteger(long value, out string reason)
    {
        reason = "";
        var start = Offsets[Count];
        value.TryFormat(EnsureRoom(start, 24), out var n, default, CultureInfo.InvariantCulture);
        Finish(start + n);
        return true;
    }

    public override bool TryAppendNumber(double value, out string reason)
    {
        reason = "";
        var start = Offsets[Count];
        value.TryFormat(EnsureRoom(start, 32), out var n, "R", CultureInfo.InvariantCulture);
        Finish(start + n);
        return true;
    }

    public override bool TryAppendBoolean(bool value, out string reason) => TryAppendInteger(value ? 1 : 0, out reason);

    public override bool TryAppendDays(int days, out string reason)
    {
        reason = "";
        var start = Offsets[Count];
        Finish(start + SndsDates.FormatDate(days, sas: false, EnsureRoom(start, 16)));
        return true;
    }

    public override bool TryAppendMilliseconds(long milliseconds, out string reason)
    {
        reason = "";
        var start = Offsets[Count];
        Finish(start + SndsDates.FormatDateTime(milliseconds, sas: false, EnsureRoom(start, 32)));
        return true;
    }

    protected override void WriteNullSlot(int index) => Offsets[index + 1] = Offsets[index];

    protected override ArrowBuffer[] BuildBuffers(ArrowBuffer validity, int count)
    {
        var offsets = _offsets;
        var data = _data;
        var length = Offsets[count];
        _offsets = new byte[offsets.Length];
        _data = new byte[Math.Max(1024, length + (length / 8))];
        return [validity, new ArrowBuffer(offsets.AsMemory(0, (count + 1) * sizeof(int))), new ArrowBuffer(data.AsMemory(0, length))];
    }

    private Span<byte> EnsureRoom(int start, int size)
    {
        var needed = checked(start + size);
        if (needed > _data.Length)
        {
            System.Array.Resize(ref _data, Math.Max(needed, checked(_data.Length * 2)));
        }

        return _data.AsSpan(start, size);
    }

    private void Finish(int end)
    {
        Offsets[Count + 1] = end;
        Commit(true);
    }
}
