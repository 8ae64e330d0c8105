using Apache.Arrow;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Validation.Fakes;

/// <summary>
/// A reader over batches held in memory, numbering rows from 1 across batches as a file reader would;
/// it can fail after some batches, as a truncated file does.
/// </summary>
internal sealed class InMemoryTableReader(string path, SndsTable table, IReadOnlyList<RecordBatch> batches,
    IReadOnlyList<RejectedRow> rejects, IReadOnlyList<string> extraColumns, int? failAfterBatches = null) : ISndsTableReader
{
    private int _next;
    private long _row;

    public string Path { get; } = path;

    public SndsTable Table { get; } = table;

    public Schema Schema { get; } = batches.Count > 0 ? batches[0].Schema : SndsArrowSchema.For(table);

    public IReadOnlyList<string> MissingColumns =>
        [.. Table.Columns.Select(c => c.Name).Where(n => Schema.GetFieldIndex(n) < 0)];

    public IReadOnlyList<string> ExtraColumns { get; } = extraColumns;

    public bool Disposed { get; private set; }

    public SndsReadBatch? ReadNext()
    {
        if (_next == failAfterBatches)
        {
            throw new SndsFormatException(Path, $"truncated file after row {_row}");
        }

        if (_next >= batches.Count)
        {
            return null;
        }

        var batch = batches[_next];

        // Rejected rows come first in the file, then the accepted ones of this batch (only the first batch has rejects).
        var rejected = _next == 0 ? rejects : [];
        _row += rejected.Select(r => r.Row).Distinct().LongCount();
        var numbers = new long[batch.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = ++_row;
        }

        _next++;
        return new SndsReadBatch(batch, numbers, rejected);
    }

    public void Dispose() => Disposed = true;
}
