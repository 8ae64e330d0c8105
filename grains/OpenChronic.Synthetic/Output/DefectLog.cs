using Apache.Arrow;
using Apache.Arrow.Types;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// Records every planted defect in <c>truth/defects</c>: the table, the file, the 1-based data row in that file,
/// the column concerned and the kind of defect.
/// </summary>
internal sealed class DefectLog
{
    public static readonly Schema Schema = new Schema.Builder()
        .Field(new Field("table", StringType.Default, false))
        .Field(new Field("file", StringType.Default, false))
        .Field(new Field("row", Int64Type.Default, false))
        .Field(new Field("column", StringType.Default, true))
        .Field(new Field("kind", StringType.Default, false))
        .Build();

    private readonly TableSink _sink;

    public DefectLog(SinkSet sinks) => _sink = sinks.Truth("defects", Schema);

    public long Count => _sink.Rows;

    /// <summary>Records that the row just started in <paramref name="where"/> carries a defect.</summary>
    public void Record(string table, TableSink where, string? column, string kind)
    {
        var b = _sink.NewRow();
        b.Text(0, table);
        b.Text(1, where.FileName);
        b.Number(2, where.Rows);
        b.Text(3, column);
        b.Text(4, kind);
    }
}
