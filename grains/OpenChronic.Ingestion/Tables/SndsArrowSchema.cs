using Apache.Arrow;
using Apache.Arrow.Types;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// The Arrow type of each SNDS type: text → Utf8, integer → Int64, number → Double, boolean → Boolean,
/// date → Date32, datetime → Timestamp (milliseconds, no time zone), year-month / year / month → Int32.
/// Every column is nullable (the schema's missing value is the empty string).
/// </summary>
public static class SndsArrowSchema
{
    public static IArrowType ArrowType(SndsType type) => type switch
    {
        SndsType.String => StringType.Default,
        SndsType.Integer => Int64Type.Default,
        SndsType.Number => DoubleType.Default,
        SndsType.Boolean => BooleanType.Default,
        SndsType.Date => Date32Type.Default,
        SndsType.DateTime => new TimestampType(TimeUnit.Millisecond, (string?)null),
        SndsType.YearMonth or SndsType.Year or SndsType.Month => Int32Type.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static Field Field(SndsColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new Field(column.Name, ArrowType(column.Type), nullable: true);
    }

    /// <summary>The Arrow schema of <paramref name="table"/>, restricted to <paramref name="columns"/> in that order when given.</summary>
    public static Schema For(SndsTable table, IEnumerable<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var builder = new Schema.Builder();
        foreach (var c in columns is null ? table.Columns : columns.Select(n => table[n]))
        {
            builder.Field(Field(c));
        }

        builder.Metadata("snds.table", table.Name);
        return builder.Build();
    }
}
