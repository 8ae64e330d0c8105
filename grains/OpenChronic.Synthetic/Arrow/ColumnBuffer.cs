using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Synthetic.Arrow;

/// <summary>
/// The values of one column for the rows of a batch being built. Storage is allocated on first use and reused
/// from batch to batch, so a column that is never set costs nothing and a full batch allocates nothing per row.
/// </summary>
internal sealed class ColumnBuffer
{
    private const int InitialSize = 1024;
    private static readonly byte[] s_zeros = new byte[1 << 20];

    private readonly int _capacity;
    private long[]? _longs;
    private int[]? _ints;
    private double[]? _doubles;
    private string?[]? _strings;
    private bool[]? _valid;
    private int _count;

    public ColumnBuffer(Field field, int capacity)
    {
        Field = field;
        _capacity = capacity;
        Kind = field.DataType.TypeId;
    }

    public Field Field { get; }

    public ArrowTypeId Kind { get; }

    /// <summary>True when some row of the current batch has a value.</summary>
    public bool Used => _count > 0;

    public void SetLong(int row, long value)
    {
        Slot(ref _longs, row) = value;
        MarkValid(row);
    }

    public void SetInt(int row, int value)
    {
        Slot(ref _ints, row) = value;
        MarkValid(row);
    }

    public void SetDouble(int row, double value)
    {
        Slot(ref _doubles, row) = value;
        MarkValid(row);
    }

    public void SetString(int row, string? value)
    {
        if (value is null)
        {
            return;
        }

        Slot(ref _strings, row) = value;
        MarkValid(row);
    }

    public void SetBool(int row, bool value) => SetInt(row, value ? 1 : 0);

    /// <summary>Builds the Arrow array of the first <paramref name="length"/> rows and clears the buffer.</summary>
    public IArrowArray Build(int length)
    {
        if (_count == 0)
        {
            return AllNull(Field.DataType, length);
        }

        // Arrays grow with the rows that set them: bring them to the batch length first.
        Fit(ref _valid, length);
        Fit(ref _longs, length);
        Fit(ref _ints, length);
        Fit(ref _doubles, length);
        Fit(ref _strings, length);
        var validity = new byte[(length + 7) / 8];
        var nulls = 0;
        for (var i = 0; i < length; i++)
        {
            if (_valid![i])
            {
                validity[i >> 3] |= (byte)(1 << (i & 7));
            }
            else
            {
                nulls++;
            }
        }

        var bitmap = new ArrowBuffer(validity);
        IArrowArray array = Kind switch
        {
            ArrowTypeId.Int64 => new Int64Array(Values(_longs!, length), bitmap, length, nulls, 0),
            ArrowTypeId.Timestamp => new TimestampArray((TimestampType)Field.DataType, Values(_longs!, length), bitmap, length, nulls, 0),
            ArrowTypeId.Int32 => new Int32Array(Values(_ints!, length), bitmap, length, nulls, 0),
            ArrowTypeId.Date32 => new Date32Array(Values(_ints!, length), bitmap, length, nulls, 0),
            ArrowTypeId.Double => new DoubleArray(Values(_doubles!, length), bitmap, length, nulls, 0),
            ArrowTypeId.Boolean => new BooleanArray(Bits(_ints!, length), bitmap, length, nulls, 0),
            ArrowTypeId.String => Strings(length, bitmap, nulls),
            _ => throw new NotSupportedException($"Column {Field.Name}: Arrow type {Kind} is not produced by the generator."),
        };
        System.Array.Clear(_valid!, 0, length);
        if (_strings is not null)
        {
            System.Array.Clear(_strings, 0, length);
        }

        _count = 0;
        return array;
    }

    private void MarkValid(int row)
    {
        ref var valid = ref Slot(ref _valid, row);
        if (!valid)
        {
            valid = true;
            _count++;
        }
    }

    private static void Fit<T>(ref T[]? values, int length)
    {
        if (values is not null && values.Length < length)
        {
            System.Array.Resize(ref values, length);
        }
    }

    /// <summary>The storage cell of a row, growing the array by doubling up to the capacity (small files stay small).</summary>
    private ref T Slot<T>(ref T[]? values, int row)
    {
        values ??= new T[Math.Min(_capacity, InitialSize)];
        if (row >= values.Length)
        {
            System.Array.Resize(ref values, Math.Min(_capacity, Math.Max(row + 1, values.Length * 2)));
        }

        return ref values[row];
    }

    private static ArrowBuffer Values<T>(T[] values, int length)
        where T : struct => new(MemoryMarshal.AsBytes(values.AsSpan(0, length)).ToArray());

    private static ArrowBuffer Bits(int[] values, int length)
    {
        var bits = new byte[(length + 7) / 8];
        for (var i = 0; i < length; i++)
        {
            if (values[i] != 0)
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return new ArrowBuffer(bits);
    }

    private StringArray Strings(int length, ArrowBuffer bitmap, int nulls)
    {
        var strings = _strings!;
        var offsets = new int[length + 1];
        var data = new byte[Math.Max(16, length * 8)];
        var total = 0;
        for (var i = 0; i < length; i++)
        {
            offsets[i] = total;
            if (strings[i] is { } s)
            {
                // One pass: room for the worst case (3 bytes per UTF-16 unit), then encode in place.
                var room = total + s.Length * 3;
                if (room > data.Length)
                {
                    System.Array.Resize(ref data, Math.Max(room, data.Length * 2));
                }

                total += Encoding.UTF8.GetBytes(s, data.AsSpan(total));
            }
        }

        offsets[length] = total;
        return new StringArray(length, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(data.AsMemory(0, total)), bitmap, nulls, 0);
    }

    private static IArrowArray AllNull(IArrowType type, int length)
    {
        var validity = Zeros((length + 7) / 8);
        ArrowBuffer[] buffers = type.TypeId switch
        {
            ArrowTypeId.String => [validity, Zeros((length + 1) * 4), ArrowBuffer.Empty],
            ArrowTypeId.Boolean => [validity, Zeros((length + 7) / 8)],
            _ => [validity, Zeros(length * ((FixedWidthType)type).BitWidth / 8)],
        };
        return ArrowArrayFactory.BuildArray(new ArrayData(type, length, length, 0, buffers));
    }

    private static ArrowBuffer Zeros(int bytes) =>
        bytes <= s_zeros.Length ? new ArrowBuffer(s_zeros.AsMemory(0, bytes)) : new ArrowBuffer(new byte[bytes]);
}
