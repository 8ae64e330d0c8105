using Apache.Arrow;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Tables;

/// <summary>Reads whole tables into value lists and compares them column by column, value by value.</summary>
internal static class TableAssert
{
    /// <summary>Every batch of a file: column name → values (null for nulls), the row numbers and the rejects.</summary>
    public static (Dictionary<string, List<object?>> Columns, List<long> Rows, List<RejectedRow> Rejects, ISndsTableReader Reader) ReadAll(
        string path, Domain.Snds.SndsTable table, SndsReadOptions? options = null)
    {
        var reader = SndsTableReader.Open(path, table, options);
        using (reader)
        {
            var columns = reader.Schema.FieldsList.ToDictionary(f => f.Name, _ => new List<object?>());
            var rows = new List<long>();
            var rejects = new List<RejectedRow>();
            while (reader.ReadNext() is { } batch)
            {
                using (batch)
                {
                    Assert.Equal(batch.Batch.Length, batch.RowNumbers.Length);
                    rows.AddRange(batch.RowNumbers);
                    rejects.AddRange(batch.Rejects);
                    for (var c = 0; c < batch.Batch.ColumnCount; c++)
                    {
                        var array = batch.Batch.Column(c);
                        Assert.Equal(reader.Schema.FieldsList[c].DataType.TypeId, array.Data.DataType.TypeId);
                        var values = columns[batch.Batch.Schema.FieldsList[c].Name];
                        for (var i = 0; i < array.Length; i++)
                        {
                            values.Add(SndsTableWriterTests.ValueAt(array, i));
                        }
                    }
                }
            }

            return (columns, rows, rejects, reader);
        }
    }

    /// <summary>All the batches of a file, kept (the caller disposes them).</summary>
    public static (Schema Schema, List<RecordBatch> Batches) ReadBatches(string path, Domain.Snds.SndsTable table)
    {
        using var reader = SndsTableReader.Open(path, table);
        var batches = new List<RecordBatch>();
        while (reader.ReadNext() is { } batch)
        {
            Assert.Empty(batch.Rejects);
            batches.Add(batch.Batch);
        }

        return (reader.Schema, batches);
    }

    public static void Equal(Dictionary<string, List<object?>> expected, Dictionary<string, List<object?>> actual, string context)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, values) in expected)
        {
            var other = actual[name];
            Assert.True(values.Count == other.Count, $"{context}: {name} has {other.Count} values, expected {values.Count}");
            for (var i = 0; i < values.Count; i++)
            {
                Assert.True(Equals(values[i], other[i]), $"{context}: {name} row {i}: expected '{values[i]}', got '{other[i]}'");
            }
        }
    }
}
