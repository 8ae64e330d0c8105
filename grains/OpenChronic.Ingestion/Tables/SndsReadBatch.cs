using Apache.Arrow;

namespace OpenChronic.Ingestion.Tables;

/// <summary>
/// One Arrow record batch read from a table file, with the source row number of each accepted row
/// and the rows of that stretch of the file that were rejected.
/// </summary>
/// <param name="Batch">Accepted rows, typed by the catalogue (see <see cref="SndsArrowSchema"/>).</param>
/// <param name="RowNumbers">For each row of <paramref name="Batch"/>, its 1-based data row number in the file.</param>
/// <param name="Rejects">Rows of this stretch of the file that were not accepted.</param>
public sealed record SndsReadBatch(RecordBatch Batch, long[] RowNumbers, IReadOnlyList<RejectedRow> Rejects) : IDisposable
{
    public void Dispose() => Batch.Dispose();
}
