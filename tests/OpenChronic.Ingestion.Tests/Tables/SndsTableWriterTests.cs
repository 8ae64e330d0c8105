using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Tables;

public sealed class SndsTableWriterTests
{
    private static Schema SampleSchema() => new Schema.Builder()
        .Field(new Field("BEN_NIR_PSA", StringType.Default, true))
        .Field(new Field("PRS_ACT_QTE", Int64Type.Default, true))
        .Field(new Field("BSE_REM_MNT", DoubleType.Default, true))
        .Field(new Field("TOP", BooleanType.Default, true))
        .Field(new Field("EXE_SOI_DTD", Date32Type.Default, true))
        .Field(new Field("FLX_TRT_DTD", new TimestampType(TimeUnit.Millisecond, (string?)null), true))
        .Field(new Field("ANN_MOIS", Int32Type.Default, true))
        .Field(new Field("EMPTY", StringType.Default, true))
        .Field(new Field("EMPTY_DATE", Date32Type.Default, true))
        .Build();

    private static RecordBatch SampleBatch(Schema schema)
    {
        var day = new DateOnly(2007, 1, 2).DayNumber - 719_162;
        var ms = ((long)day * 86_400_000) + (((22 * 3600) + (12 * 60) + 17) * 1000L);
        return new RecordBatch(schema,
        [
            new StringArray.Builder().Append("001").Append("a;b \"x\"").AppendNull().Build(),
            new Int64Array.Builder().Append(-5).AppendNull().Append(long.MaxValue).Build(),
            new DoubleArray.Builder().Append(12.5).Append(-0.1).AppendNull().Build(),
            new BooleanArray.Builder().Append(true).Append(false).AppendNull().Build(),
            new Date32Array.Builder().Append(new DateTime(2007, 1, 2)).AppendNull().Append(new DateTime(1969, 12, 31)).Build(),
            BuildTimestamps(schema, ms),
            new Int32Array.Builder().Append(200701).Append(1).AppendNull().Build(),
            new StringArray.Builder().AppendNull().AppendNull().AppendNull().Build(),
            new Date32Array.Builder().AppendNull().AppendNull().AppendNull().Build(),
        ], 3);
    }

    private static TimestampArray BuildTimestamps(Schema schema, long ms)
    {
        var type = (TimestampType)schema.GetFieldByName("FLX_TRT_DTD").DataType;
        var values = new ArrowBuffer.Builder<long>().Append(ms).Append(0).Append(-1).Build();
        var validity = new ArrowBuffer.BitmapBuilder().Append(true).Append(false).Append(true).Build();
        return new TimestampArray(type, values, validity, 3, 1, 0);
    }

    [Fact]
    public void Create_Csv_WritesHeaderNullsQuotesIsoDates()
    {
        using var dir = new TempDirectory();
        var schema = SampleSchema();
        var path = dir.File("sub/folder/t.csv");
        using (var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.Csv))
        {
            writer.Write(SampleBatch(schema));
            Assert.Equal(3, writer.RowsWritten);
        }

        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        Assert.Equal("BEN_NIR_PSA;PRS_ACT_QTE;BSE_REM_MNT;TOP;EXE_SOI_DTD;FLX_TRT_DTD;ANN_MOIS;EMPTY;EMPTY_DATE", lines[0]);
        Assert.Equal("001;-5;12.5;1;2007-01-02;2007-01-02 22:12:17;200701;;", lines[1]);
        Assert.Equal("\"a;b \"\"x\"\"\";;-0.1;0;;;1;;", lines[2]);
        Assert.Equal(";9223372036854775807;;;1969-12-31;1969-12-31 23:59:59.999;;;", lines[3]);
        Assert.Equal("", lines[4]);
    }

    [Fact]
    public void Create_CsvSasCommaOptions_WritesSasDates()
    {
        using var dir = new TempDirectory();
        var schema = SampleSchema();
        var path = dir.File("t.csv");
        using (var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.Csv,
            new SndsWriteOptions { CsvDelimiter = ',', CsvDateStyle = SndsCsvDateStyle.Sas }))
        {
            writer.Write(SampleBatch(schema));
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal("001,-5,12.5,1,02JAN2007,02JAN2007:22:12:17,200701,,", lines[1]);
        Assert.Equal("\"a;b \"\"x\"\"\",,-0.1,0,,,1,,", lines[2]);
    }

    [Fact]
    public async Task Create_Parquet_RoundTripsValuesAndAllNullColumns()
    {
        using var dir = new TempDirectory();
        var schema = SampleSchema();
        var path = dir.File("t.parquet");
        using (var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.Parquet))
        {
            writer.Write(SampleBatch(schema));
            writer.Write(SampleBatch(schema));
        }

        using var reader = new ParquetSharp.Arrow.FileReader(path);
        using var batches = reader.GetRecordBatchReader();
        var expected = SampleBatch(schema);
        var rows = 0;
        while (await batches.ReadNextRecordBatchAsync(TestContext.Current.CancellationToken) is { } batch)
        {
            using (batch)
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    AssertRowEqual(expected, (rows + i) % 3, batch, i);
                }

                rows += batch.Length;
            }
        }

        Assert.Equal(6, rows);
        Assert.Equal(1, reader.NumRowGroups);
    }

    [Fact]
    public void Create_ParquetSmallRowGroups_SplitsRowGroups()
    {
        using var dir = new TempDirectory();
        var schema = SampleSchema();
        var path = dir.File("t.parquet");
        using (var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.Parquet, new SndsWriteOptions { ParquetRowGroupRows = 4 }))
        {
            writer.Write(SampleBatch(schema));
            writer.Write(SampleBatch(schema));
            writer.Write(SampleBatch(schema));
        }

        using var reader = new ParquetSharp.Arrow.FileReader(path);
        Assert.Equal(3, reader.NumRowGroups);
    }

    [Fact]
    public void Create_ArrowIpc_RoundTripsValues()
    {
        using var dir = new TempDirectory();
        var schema = SampleSchema();
        var path = dir.File("t.arrow");
        using (var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.ArrowIpc))
        {
            writer.Write(SampleBatch(schema));
        }

        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        using var batch = reader.ReadNextRecordBatch();
        var expected = SampleBatch(schema);
        Assert.Equal(3, batch.Length);
        for (var i = 0; i < 3; i++)
        {
            AssertRowEqual(expected, i, batch, i);
        }
    }

    [Fact]
    public void Write_BatchWithOtherSchema_Throws()
    {
        using var dir = new TempDirectory();
        var schema = SampleSchema();
        using var writer = SndsTableWriter.Create(dir.File("t.csv"), schema, SndsFileFormat.Csv);
        var other = new Schema.Builder().Field(new Field("X", Int64Type.Default, true)).Build();
        var batch = new RecordBatch(other, [new Int64Array.Builder().Append(1).Build()], 1);
        Assert.Throws<ArgumentException>(() => writer.Write(batch));
    }

    private static void AssertRowEqual(RecordBatch expected, int expectedRow, RecordBatch actual, int actualRow)
    {
        for (var c = 0; c < expected.ColumnCount; c++)
        {
            Assert.Equal(ValueAt(expected.Column(c), expectedRow), ValueAt(actual.Column(c), actualRow));
        }
    }

    internal static object? ValueAt(IArrowArray array, int row) => array.IsNull(row) ? null : array switch
    {
        StringArray a => a.GetString(row),
        Int64Array a => a.GetValue(row),
        Int32Array a => a.GetValue(row),
        DoubleArray a => a.GetValue(row),
        BooleanArray a => a.GetValue(row),
        Date32Array a => a.Values[row],
        TimestampArray a => a.Values[row],
        _ => throw new InvalidOperationException(array.Data.DataType.Name),
    };
}
