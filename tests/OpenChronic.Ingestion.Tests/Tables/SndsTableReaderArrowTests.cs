using Apache.Arrow;
using Apache.Arrow.Types;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Tables;

/// <summary>Parquet and Arrow IPC files whose column types differ from the catalogue's: converted value by value.</summary>
public sealed class SndsTableReaderArrowTests
{
    private static readonly SndsTable s_prs = SndsCatalogue.Default["ER_PRS_F"];

    private static readonly int s_day = new DateOnly(2007, 1, 2).DayNumber - 719_162;

    [Theory]
    [InlineData(SndsFileFormat.Parquet, "t.parquet")]
    [InlineData(SndsFileFormat.ArrowIpc, "t.feather")]
    public void ReadNext_OtherArrowTypes_ConvertsAndRejectsUnconvertibleRows(SndsFileFormat format, string name)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        var micro = new TimestampType(TimeUnit.Microsecond, (string?)null);
        var schema = new Schema.Builder()
            .Field(new Field("ben_nir_psa", Int64Type.Default, true))
            .Field(new Field("EXE_SOI_DTD", StringType.Default, true))
            .Field(new Field("FLX_TRT_DTD", micro, true))
            .Field(new Field("PRS_NAT_REF", Int32Type.Default, true))
            .Field(new Field("BSE_REM_MNT", FloatType.Default, true))
            .Field(new Field("CPL_MAJ_TOP", StringType.Default, true))
            .Field(new Field("PSE_SPE_COD", Int64Type.Default, true))
            .Field(new Field("NOT_SNDS", Int64Type.Default, true))
            .Build();
        var microseconds = (((long)s_day * 86_400) + 3600) * 1_000_000;
        var batch = new RecordBatch(schema,
        [
            new Int64Array.Builder().Append(1234).Append(5).AppendNull().Build(),
            new StringArray.Builder().Append("2007-01-02").Append("not a date").Append("02JAN2007").Build(),
            new TimestampArray(micro, new ArrowBuffer.Builder<long>().Append(microseconds).Append(0).Append(-1).Build(), ArrowBuffer.Empty, 3, 0, 0),
            new Int32Array.Builder().Append(1111).Append(-7).AppendNull().Build(),
            new FloatArray.Builder().Append(2.5f).Append(0).Append(-1.25f).Build(),
            new StringArray.Builder().Append("1").Append("0").Append("x1").Build(),
            new Int64Array.Builder().Append(1).Append(2).Append(3).Build(),
            new Int64Array.Builder().Append(9).Append(9).Append(9).Build(),
        ], 3);
        using (var writer = SndsTableWriter.Create(path, schema, format))
        {
            writer.Write(batch);
        }

        var (columns, rows, rejects, reader) = TableAssert.ReadAll(path, s_prs);
        Assert.Equal(["NOT_SNDS"], reader.ExtraColumns);
        Assert.Equal([1L], rows);
        Assert.Equal(["1234"], columns["BEN_NIR_PSA"]);
        Assert.Equal([s_day], columns["EXE_SOI_DTD"]);
        Assert.Equal([s_day], columns["FLX_TRT_DTD"]);
        Assert.Equal([1111L], columns["PRS_NAT_REF"]);
        Assert.Equal([2.5], columns["BSE_REM_MNT"]);
        Assert.Equal([1L], columns["CPL_MAJ_TOP"]);
        Assert.Equal([1L], columns["PSE_SPE_COD"]);
        Assert.Equal(
            [(2L, "EXE_SOI_DTD", "not a date"), (3L, "CPL_MAJ_TOP", "x1")],
            rejects.Select(r => (r.Row, r.Column!, r.Value!)));
    }

    [Fact]
    public void ReadNext_TimestampOutOfDateRange_RejectsRow()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.ipc");
        var seconds = new TimestampType(TimeUnit.Second, (string?)null);
        var schema = new Schema.Builder().Field(new Field("EXE_SOI_DTD", seconds, true)).Build();
        var values = new ArrowBuffer.Builder<long>().Append(86_400).Append(long.MaxValue / 2).Build();
        using (var writer = SndsTableWriter.Create(path, schema, SndsFileFormat.ArrowIpc))
        {
            writer.Write(new RecordBatch(schema, [new TimestampArray(seconds, values, ArrowBuffer.Empty, 2, 0, 0)], 2));
        }

        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs);
        Assert.Equal([1L], rows);
        Assert.Equal([1], columns["EXE_SOI_DTD"]);
        Assert.Equal((2L, "EXE_SOI_DTD", "value out of range"), (rejects[0].Row, rejects[0].Column, rejects[0].Reason));
    }

    [Theory]
    [InlineData("t.parquet", SndsFileFormat.Parquet)]
    [InlineData("t.arrow", SndsFileFormat.ArrowIpc)]
    public void ReadNext_CatalogueTypes_PassesColumnsThroughInBatchSizeStretches(string name, SndsFileFormat format)
    {
        using var dir = new TempDirectory();
        var path = dir.File(name);
        var schema = SndsArrowSchema.For(s_prs, ["BEN_NIR_PSA", "EXE_SOI_DTD"]);
        using (var writer = SndsTableWriter.Create(path, schema, format))
        {
            for (var b = 0; b < 3; b++)
            {
                var names = new StringArray.Builder();
                var dates = new Date32Array.Builder();
                for (var i = 0; i < 1000; i++)
                {
                    names.Append($"P{(b * 1000) + i:D16}");
                    dates.Append(new DateTime(2020, 1, 1).AddDays(i % 365));
                }

                writer.Write(new RecordBatch(schema, [names.Build(), dates.Build()], 1000));
            }
        }

        var options = new SndsReadOptions { BatchSize = 700 };
        using (var sizes = SndsTableReader.Open(path, s_prs, options))
        {
            while (sizes.ReadNext() is { } batch)
            {
                Assert.InRange(batch.Batch.Length, 1, 700);
                batch.Dispose();
            }
        }

        var (columns, rows, rejects, reader) = TableAssert.ReadAll(path, s_prs, options);
        Assert.Empty(rejects);
        Assert.Equal(new DateOnly(2020, 1, 1).DayNumber - 719_162 + (999 % 365), columns["EXE_SOI_DTD"][^1]);
        Assert.Empty(reader.ExtraColumns);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (long)i), rows);
        Assert.Equal("P0000000000002999", columns["BEN_NIR_PSA"][^1]);
    }
}
