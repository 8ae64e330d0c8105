using Apache.Arrow;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>Catalogue 0/1 flags as an Arrow Boolean bitmap.</summary>
internal sealed class BooleanColumnBuffer(SndsColumn column, int capacity) : ColumnBuffer(column, capacity)
{
    private byte[] _values = new byte[(capacity + 7) / 8];

    public override bool TryAppendText(ReadOnlySpan<char> text, out string reason)
    {
        return SndsTextParser.TryParseBoolean(text, out var value) ? TryAppendBoolean(value, out reason) : NotAFlag(out reason);
    }

    public override void AppendSame(IArrowArray source, int row) =>
        TryAppendBoolean(((BooleanArray)source).GetValue(row) == true, out _);

    public override bool TryAppendBoolean(bool value, out string reason)
    {
        reason = "";
        Set(Count, value);
        Commit(true);
        return true;
    }

    public override bool TryAppendInteger(long value, out string reason) =>
        value is 0 or 1 ? TryAppendBoolean(value == 1, out reason) : NotAFlag(out reason);

    private static bool NotAFlag(out string reason)
    {
        reason = "not a 0/1 flag";
        return false;
    }

    protected override void WriteNullSlot(int index) => Set(index, false);

    protected override ArrowBuffer[] BuildBuffers(ArrowBuffer validity, int count)
    {
        var values = _values;
        _values = new byte[values.Length];
        return [validity, new ArrowBuffer(values.AsMemory(0, (count + 7) / 8))];
    }

    private void Set(int index, bool value)
    {
        ref var b = ref _values[index >> 3];
        var mask = (byte)(1 << (index & 7));
        b = value ? (byte)(b | mask) : (byte)(b & ~mask);
    }
}
