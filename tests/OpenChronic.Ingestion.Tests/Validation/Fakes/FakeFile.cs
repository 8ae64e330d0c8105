using Apache.Arrow;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Validation.Fakes;

/// <summary>The contents of one fake table file: rows as text, omitted columns, reader rejects, failures.</summary>
internal sealed class FakeFile(SndsTable table)
{
    public SndsTable Table { get; } = table;

    public List<Dictionary<string, string?>> Rows { get; } = [];

    public HashSet<string> Omit { get; } = new(StringComparer.Ordinal);

    public List<RejectedRow> Rejects { get; } = [];

    public List<string> ExtraColumns { get; } = [];

    /// <summary>Rows per batch, so that checks run across batch boundaries.</summary>
    public int BatchSize { get; set; } = 2;

    /// <summary>Thrown when the file is opened.</summary>
    public Exception? OpenFailure { get; set; }

    /// <summary>Thrown by the read after this many batches.</summary>
    public int? FailAfterBatches { get; set; }

    public FakeFile Row(params (string Column, string? Value)[] values)
    {
        Rows.Add(values.ToDictionary(v => v.Column, v => v.Value, StringComparer.Ordinal));
        return this;
    }

    public InMemoryTableReader CreateReader(string path) =>
        new(path, Table, BuildBatches(), Rejects, ExtraColumns, FailAfterBatches);

    /// <summary>The rows as Arrow batches of <see cref="BatchSize"/> rows (one empty batch when there is no row).</summary>
    public List<RecordBatch> BuildBatches()
    {
        var batches = new List<RecordBatch>();
        for (var start = 0; start < Rows.Count || (start == 0 && batches.Count == 0); start += BatchSize)
        {
            batches.Add(TableRows.Build(Table, Rows.Skip(start).Take(BatchSize).ToList(), Omit));
            if (Rows.Count == 0)
            {
                break;
            }
        }

        return batches;
    }
}
