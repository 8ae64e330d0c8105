using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Validation.Fakes;

/// <summary>
/// Builds an Arrow batch of a catalogue table, typed as the readers type it (<see cref="SndsArrowSchema"/>),
/// from rows given as text: every catalogue column (except <c>omit</c>) is present, null unless a row sets it.
/// </summary>
internal static class TableRows
{
    public static RecordBatch Build(SndsTable table, IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, IReadOnlyCollection<string>? omit = null)
    {
        var columns = table.Columns.Where(c => omit is null || !omit.Contains(c.Name)).ToList();
        var schema = SndsArrowSchema.For(table, columns.Select(c => c.Name));
        var arrays = columns.Select(c => Column(c, rows.Select(r => r.TryGetValue(c.Name, out var v) ? v : null).ToList())).ToList();
        return new RecordBatch(schema, arrays, rows.Count);
    }

    private static IArrowArray Column(SndsColumn column, List<string?> values)
    {
        switch (SndsArrowSchema.ArrowType(column.Type))
        {
            case StringType:
                var s = new StringArray.Builder();
                values.ForEach(v => _ = v is null ? s.AppendNull() : s.Append(v));
                return s.Build();
            case Int64Type:
                var l = new Int64Array.Builder();
                values.ForEach(v => _ = v is null ? l.AppendNull() : l.Append(long.Parse(v, CultureInfo.InvariantCulture)));
                return l.Build();
            case Int32Type:
                var n = new Int32Array.Builder();
                values.ForEach(v => _ = v is null ? n.AppendNull() : n.Append(int.Parse(v, CultureInfo.InvariantCulture)));
                return n.Build();
            case DoubleType:
                var d = new DoubleArray.Builder();
                values.ForEach(v => _ = v is null ? d.AppendNull() : d.Append(double.Parse(v, CultureInfo.InvariantCulture)));
                return d.Build();
            case BooleanType:
                var b = new BooleanArray.Builder();
                values.ForEach(v => _ = v is null ? b.AppendNull() : b.Append(v == "1"));
                return b.Build();
            case Date32Type:
                var date = new Date32Array.Builder();
                values.ForEach(v => _ = v is null ? date.AppendNull() : date.Append(DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
                return date.Build();
            case TimestampType t:
                var ts = new TimestampArray.Builder(t);
                values.ForEach(v => _ = v is null ? ts.AppendNull() : ts.Append(DateTimeOffset.Parse(v, CultureInfo.InvariantCulture)));
                return ts.Build();
            default:
                throw new NotSupportedException(column.Type.ToString());
        }
    }
}
