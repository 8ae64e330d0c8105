using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// Accumulates one catalogue column of a batch straight into Arrow buffers (validity bitmap and values),
/// then hands the buffers to an Arrow array without copying. A rejected row is rolled back with
/// <see cref="Truncate"/>. Values arrive as text (CSV) or as values of another Arrow array (Parquet, IPC).
/// </summary>
internal abstract class ColumnBuffer
{
    private byte[] _validity;

    protected ColumnBuffer(SndsColumn column, int capacity)
    {
        Column = column;
        Capacity = capacity;
        Type = SndsArrowSchema.ArrowType(column.Type);
        _validity = new byte[(capacity + 7) / 8];
    }

    public SndsColumn Column { get; }

    public IArrowType Type { get; }

    public int Count { get; private set; }

    protected int Capacity { get; }

    /// <summary>The buffer of a catalogue column; <paramref name="decimalComma"/> lets numbers use <c>,</c> as decimal separator.</summary>
    public static ColumnBuffer Create(SndsColumn column, int capacity, bool decimalComma) => column.Type switch
    {
        SndsType.String => new StringColumnBuffer(column, capacity),
        SndsType.Integer => new Int64ColumnBuffer(column, capacity),
        SndsType.Number => new DoubleColumnBuffer(column, capacity, decimalComma),
        SndsType.Boolean => new BooleanColumnBuffer(column, capacity),
        SndsType.Date => new Date32ColumnBuffer(column, capacity),
        SndsType.DateTime => new TimestampColumnBuffer(column, capacity),
        _ => new Int32ColumnBuffer(column, capacity),
    };

    public void AppendNull()
    {
        WriteNullSlot(Count);
        Commit(false);
    }

    /// <summary>Appends a non-empty text value; false with a reason when it is not of the column's type.</summary>
    public abstract bool TryAppendText(ReadOnlySpan<char> text, out string reason);

    /// <summary>Appends the value at <paramref name="row"/> of an array of exactly this column's Arrow type.</summary>
    public abstract void AppendSame(IArrowArray source, int row);

    public virtual bool TryAppendInteger(long value, out string reason) => Fail("an integer", out reason);

    public virtual bool TryAppendNumber(double value, out string reason) => Fail("a decimal number", out reason);

    public virtual bool TryAppendBoolean(bool value, out string reason) => Fail("a boolean", out reason);

    public virtual bool TryAppendDays(int days, out string reason) => Fail("a date", out reason);

    public virtual bool TryAppendMilliseconds(long milliseconds, out string reason) => Fail("a date-time", out reason);

    /// <summary>Forgets the rows from <paramref name="count"/> on.</summary>
    public virtual void Truncate(int count)
    {
        System.Diagnostics.Debug.Assert(count <= Count, "Truncate only shortens.");
        Count = count;
    }

    /// <summary>The accumulated rows as an Arrow array; the buffer starts afresh.</summary>
    public IArrowArray Build()
    {
        var count = Count;
        var validity = _validity;
        var nulls = count - PopCount(validity, count);
        var data = new ArrayData(Type, count, nulls, 0, BuildBuffers(nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity.AsMemory(0, (count + 7) / 8)), count));
        _validity = new byte[(Capacity + 7) / 8];
        Count = 0;
        return ArrowArrayFactory.BuildArray(data);
    }

    protected abstract ArrowBuffer[] BuildBuffers(ArrowBuffer validity, int count);

    /// <summary>Makes the slot at <paramref name="index"/> hold a null (offsets carried forward, value zeroed).</summary>
    protected abstract void WriteNullSlot(int index);

    /// <summary>Marks the value just written at <see cref="Count"/> valid (or null) and advances.</summary>
    protected void Commit(bool valid)
    {
        var index = Count;
        ref var b = ref _validity[index >> 3];
        var mask = (byte)(1 << (index & 7));
        b = valid ? (byte)(b | mask) : (byte)(b & ~mask);
        Count = index + 1;
    }

    protected bool Fail(string what, out string reason)
    {
        reason = $"{what} cannot be read as {Column.Type.ToString().ToLowerInvariant()}";
        return false;
    }

    private static int PopCount(byte[] bits, int count)
    {
        var full = count >> 3;
        var total = 0;
        for (var i = 0; i < full; i++)
        {
            total += BitOperations.PopCount(bits[i]);
        }

        var rest = count & 7;
        if (rest != 0)
        {
            total += BitOperations.PopCount((uint)(bits[full] & ((1 << rest) - 1)));
        }

        return total;
    }
}
