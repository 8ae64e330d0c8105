using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Synthetic.Arrow;

/// <summary>
/// Rows of one table being built column by column, turned into an Arrow <see cref="RecordBatch"/> when full.
/// Every column of the schema is present; a column that no row sets is all-null.
/// </summary>
internal sealed class TableBuffer
{
    private readonly ColumnBuffer[] _columns;

    public TableBuffer(Schema schema, int capacity)
    {
        Schema = schema;
        Capacity = capacity;
        _columns = [.. schema.FieldsList.Select(f => new ColumnBuffer(f, capacity))];
    }

    public Schema Schema { get; }

    public int Capacity { get; }

    /// <summary>Rows in the current batch.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count >= Capacity;

    /// <summary>The position of a column; throws when the schema has no such column (a bug in the encoder).</summary>
    public int Column(string name)
    {
        var i = Schema.GetFieldIndex(name);
        return i >= 0 ? i : throw new KeyNotFoundException($"Table {Schema.Metadata?.GetValueOrDefault("snds.table")} has no column {name}.");
    }

    /// <summary>Starts a row; its columns are null until set.</summary>
    public int NewRow()
    {
        System.Diagnostics.Debug.Assert(Count < Capacity);
        return Count++;
    }

    public ColumnBuffer this[int column] => _columns[column];

    /// <summary>Sets a text column of the current row (null leaves it null).</summary>
    public void Text(int column, string? value) => _columns[column].SetString(Count - 1, value);

    /// <summary>Sets a date column of the current row, as days since 1970-01-01.</summary>
    public void Date(int column, int day) => _columns[column].SetInt(Count - 1, day);

    /// <summary>Sets a timestamp column of the current row, in milliseconds since 1970-01-01.</summary>
    public void Timestamp(int column, long milliseconds) => _columns[column].SetLong(Count - 1, milliseconds);

    /// <summary>
    /// Sets a numeric value whatever the column's Arrow type: the catalogue types keys and identifiers as text
    /// even where the schema says integer, so the number is then written as its invariant text.
    /// </summary>
    public void Number(int column, long value)
    {
        var c = _columns[column];
        switch (c.Kind)
        {
            case ArrowTypeId.String:
                c.SetString(Count - 1, NumberText.Of(value));
                break;
            case ArrowTypeId.Int32 or ArrowTypeId.Date32:
                c.SetInt(Count - 1, checked((int)value));
                break;
            case ArrowTypeId.Double:
                c.SetDouble(Count - 1, value);
                break;
            case ArrowTypeId.Boolean:
                c.SetBool(Count - 1, value != 0);
                break;
            default:
                c.SetLong(Count - 1, value);
                break;
        }
    }

    /// <summary>Sets a decimal value (amounts, quantities).</summary>
    public void Decimal(int column, double value) => _columns[column].SetDouble(Count - 1, value);

    /// <summary>Sets a boolean flag.</summary>
    public void Flag(int column, bool value) => _columns[column].SetBool(Count - 1, value);

    public RecordBatch Build()
    {
        var arrays = new IArrowArray[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            arrays[i] = _columns[i].Build(Count);
        }

        var batch = new RecordBatch(Schema, arrays, Count);
        Count = 0;
        return batch;
    }
}
