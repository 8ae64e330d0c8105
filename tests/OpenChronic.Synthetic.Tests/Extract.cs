using Apache.Arrow;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic.Tests;

/// <summary>Reads generated files back through the Ingestion table readers (never through generator internals).</summary>
internal static class Extract
{
    /// <summary>The files of a catalogue table in <paramref name="directory"/> (all flux months or years), sorted.</summary>
    public static string[] Files(string directory, string table)
    {
        var catalogue = SndsCatalogue.Default;
        return [.. Directory.GetFiles(directory)
            .Where(f => SndsFileName.TryParse(Path.GetFileName(f), catalogue)?.Table.Name == table)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads <paramref name="columns"/> of every file of a catalogue table.</summary>
    public static List<ExtractRow> Table(string directory, string table, params string[] columns)
    {
        var rows = new List<ExtractRow>();
        foreach (var file in Files(directory, table))
        {
            rows.AddRange(File(file, SndsCatalogue.Default[table], columns));
        }

        return rows;
    }

    /// <summary>Reads a truth table (not a catalogue table) with ParquetSharp's Arrow reader.</summary>
    public static List<ExtractRow> Truth(string directory, string name)
    {
        var rows = new List<ExtractRow>();
        using var reader = new ParquetSharp.Arrow.FileReader(Path.Combine(directory, "truth", name + ".parquet"));
        using var batches = reader.GetRecordBatchReader();
        long row = 0;
        while (batches.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                var names = batch.Schema.FieldsList.Select(f => f.Name).ToArray();
                for (var i = 0; i < batch.Length; i++)
                {
                    var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                    for (var c = 0; c < names.Length; c++)
                    {
                        values[names[c]] = Value(batch.Column(c), i);
                    }

                    rows.Add(new ExtractRow(name, ++row, values));
                }
            }
        }

        return rows;
    }

    public static List<ExtractRow> File(string path, SndsTable table, string[] columns)
    {
        var rows = new List<ExtractRow>();
        var name = Path.GetFileName(path);
        using var reader = SndsTableReader.Open(path, table, new SndsReadOptions { Columns = columns });
        while (reader.ReadNext() is { } read)
        {
            using (read)
            {
                var batch = read.Batch;
                var index = columns.Select(c => batch.Schema.GetFieldIndex(c)).ToArray();
                for (var i = 0; i < batch.Length; i++)
                {
                    var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        values[columns[c]] = index[c] < 0 ? null : Value(batch.Column(index[c]), i);
                    }

                    rows.Add(new ExtractRow(name, read.RowNumbers[i], values));
                }
            }
        }

        return rows;
    }

    private static object? Value(IArrowArray array, int i) => array.IsNull(i) ? null : array switch
    {
        StringArray s => s.GetString(i),
        Int64Array l => l.GetValue(i),
        Int32Array n => (long?)n.GetValue(i),
        Date32Array d => d.GetValue(i),
        DoubleArray d => d.GetValue(i),
        BooleanArray b => b.GetValue(i),
        TimestampArray t => t.GetValue(i),
        _ => throw new NotSupportedException(array.GetType().Name),
    };
}
