using System.IO.Compression;
using System.Text;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Tables;

/// <summary>Bad and unusual CSV input: each gives a located reject or a located <see cref="SndsFormatException"/>.</summary>
public sealed class SndsTableReaderCsvTests : IDisposable
{
    private const string Header = "BEN_NIR_PSA;EXE_SOI_DTD;BSE_REM_MNT;PRS_NAT_REF";

    private static readonly SndsTable s_prs = SndsCatalogue.Default["ER_PRS_F"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SndsReadOptions Only4 => new() { Columns = ["BEN_NIR_PSA", "EXE_SOI_DTD", "BSE_REM_MNT", "PRS_NAT_REF"] };

    [Fact]
    public void ReadNext_TruncatedLastRow_RejectsItWithLocation()
    {
        var path = Write("t.csv", $"{Header}\nA;2020-01-01;1.5;1111\nB;2020-01-02");
        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Equal([1L], rows);
        Assert.Equal(["A"], columns["BEN_NIR_PSA"]);
        var reject = Assert.Single(rejects);
        Assert.Equal(2, reject.Row);
        Assert.Null(reject.Column);
        Assert.Equal(path, reject.File);
        Assert.Contains("2 fields where the header has 4", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadNext_UnterminatedQuote_RejectsRowWithHint()
    {
        var path = Write("t.csv", $"{Header}\nA;2020-01-01;1.5;1111\n\"B;2020-01-02;2;3\n");
        var (_, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Equal([1L], rows);
        var reject = Assert.Single(rejects);
        Assert.Equal(2, reject.Row);
        Assert.Contains("unterminated quote", reject.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadNext_UnterminatedQuoteInLastField_AcceptsRow()
    {
        var path = Write("t.csv", $"{Header}\nA;2020-01-01;1.5;\"1111");
        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Empty(rejects);
        Assert.Equal([1L], rows);
        Assert.Equal([1111L], columns["PRS_NAT_REF"]);
    }

    [Fact]
    public void Open_TabDelimited_ThrowsSayingWhichDelimitersWereTried()
    {
        var path = Write("t.csv", "BEN_NIR_PSA\tEXE_SOI_DTD\nA\t2020-01-01\n");
        var e = Assert.Throws<SndsFormatException>(() => SndsTableReader.Open(path, s_prs));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("';' and ','", e.Message, StringComparison.Ordinal);
        Assert.Contains("no column of ER_PRS_F", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownColumn_ReportsItAndReadsTheRest()
    {
        var path = Write("t.csv", $"{Header};MY_COLUMN\nA;2020-01-01;1.5;1111;zz\n");
        var (columns, rows, rejects, reader) = TableAssert.ReadAll(path, s_prs);
        Assert.Empty(rejects);
        Assert.Equal(["MY_COLUMN"], reader.ExtraColumns);
        Assert.Contains("PSE_SPE_COD", reader.MissingColumns);
        Assert.DoesNotContain("BEN_NIR_PSA", reader.MissingColumns);
        Assert.Equal(["BEN_NIR_PSA", "EXE_SOI_DTD", "BSE_REM_MNT", "PRS_NAT_REF"], reader.Schema.FieldsList.Select(f => f.Name));
        Assert.Equal([1111L], columns["PRS_NAT_REF"]);
        Assert.Equal([1L], rows);
    }

    [Fact]
    public void ReadNext_UnparsableDate_RejectsRowWithColumnReasonAndValue()
    {
        var path = Write("t.csv", $"{Header}\nA;2020-13-01;1.5;1111\nB;2020-01-02;2;1112\n");
        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Equal([2L], rows);
        Assert.Equal(["B"], columns["BEN_NIR_PSA"]);
        Assert.Equal([1112L], columns["PRS_NAT_REF"]);
        var reject = Assert.Single(rejects);
        Assert.Equal((1L, "EXE_SOI_DTD", "2020-13-01"), (reject.Row, reject.Column, reject.Value));
        Assert.StartsWith("not a date", reject.Reason, StringComparison.Ordinal);
        Assert.Contains("EXE_SOI_DTD", reject.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2007-01-02")]
    [InlineData("02/01/2007")]
    [InlineData("02012007")]
    [InlineData("02JAN2007")]
    [InlineData("02jan2007")]
    [InlineData("02JAN2007:00:00:00")]
    [InlineData("2007-01-02 23:59:59")]
    [InlineData("2007-01-02T08:30:00.250")]
    [InlineData(" 2007-01-02 ")]
    public void ReadNext_DateSpellings_AllReadAsTheSameDay(string text)
    {
        var path = Write("t.csv", $"BEN_NIR_PSA;EXE_SOI_DTD\nA;{text}\n");
        var (columns, _, rejects, _) = TableAssert.ReadAll(path, s_prs);
        Assert.Empty(rejects);
        Assert.Equal([new DateOnly(2007, 1, 2).DayNumber - 719_162], columns["EXE_SOI_DTD"]);
    }

    [Theory]
    [InlineData("2007-01-02x")]
    [InlineData("31/02/2007")]
    [InlineData("02XYZ2007")]
    [InlineData("2007-1-2")]
    [InlineData("2007-01-02 25:00:00")]
    [InlineData("0201200")]
    [InlineData("02/01/07")]
    public void ReadNext_MalformedDates_AreRejected(string text)
    {
        var path = Write("t.csv", $"BEN_NIR_PSA;EXE_SOI_DTD\nA;{text}\n");
        var (_, rows, rejects, _) = TableAssert.ReadAll(path, s_prs);
        Assert.Empty(rows);
        Assert.Equal(("EXE_SOI_DTD", text), (Assert.Single(rejects).Column, Assert.Single(rejects).Value));
    }

    [Fact]
    public void ReadNext_UnparsableNumber_RejectsRowAndKeepsColumnsAligned()
    {
        var path = Write("t.csv", $"{Header}\nA;2020-01-01;1.5x;1111\nB;2020-01-02;2;12a\nC;2020-01-03;-3,5;1113\n");
        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Equal([3L], rows);
        Assert.Equal(["C"], columns["BEN_NIR_PSA"]);
        Assert.Equal([-3.5], columns["BSE_REM_MNT"]);
        Assert.Equal([1113L], columns["PRS_NAT_REF"]);
        Assert.Equal([("BSE_REM_MNT", "not a number"), ("PRS_NAT_REF", "not an integer")], rejects.Select(r => (r.Column, r.Reason)));
    }

    [Fact]
    public void ReadNext_EmptyKey_ComesThroughAsNull()
    {
        var path = Write("t.csv", $"{Header};ORG_CLE_NUM\n;2020-01-01;1.5;1111;\nB;;;;01C751010\n");
        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs);
        Assert.Empty(rejects);
        Assert.Equal([1L, 2], rows);
        Assert.Equal([null, "B"], columns["BEN_NIR_PSA"]);
        Assert.Equal([null, "01C751010"], columns["ORG_CLE_NUM"]);
        Assert.Equal([1111L, null], columns["PRS_NAT_REF"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Open_EmptyFile_ThrowsNoHeader(string content)
    {
        var path = Write("t.csv", content);
        var e = Assert.Throws<SndsFormatException>(() => SndsTableReader.Open(path, s_prs));
        Assert.Contains("empty file, no header", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
    }

    [Fact]
    public void ReadNext_NonUtf8Bytes_RejectsThatRowOnly()
    {
        var path = _dir.File("t.csv");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes($"{Header}\nA;2020-01-01;1.5;1111\n"));
        bytes.AddRange([(byte)'C', (byte)'A', (byte)'F', 0xC9]);
        bytes.AddRange(Encoding.UTF8.GetBytes(";2020-01-01;1.5;1111\nB;2020-01-02;2;1112\n"));
        File.WriteAllBytes(path, [.. bytes]);
        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Equal([1L, 3], rows);
        Assert.Equal(["A", "B"], columns["BEN_NIR_PSA"]);
        var reject = Assert.Single(rejects);
        Assert.Equal((2L, "BEN_NIR_PSA", "not valid UTF-8"), (reject.Row, reject.Column, reject.Reason));
    }

    [Fact]
    public void ReadNext_HeaderOnly_GivesNoBatch()
    {
        var path = Write("t.csv", $"{Header}\n");
        using var reader = SndsTableReader.Open(path, s_prs);
        Assert.Equal(4, reader.Schema.FieldsList.Count);
        Assert.Null(reader.ReadNext());
    }

    [Fact]
    public void ReadNext_EveryRowRejected_ReturnsEmptyBatchesWithTheRejects()
    {
        var path = Write("t.csv", $"{Header}\nA;x;1;1\nB;y;1;1\nC;z;1;1\n");
        using var reader = SndsTableReader.Open(path, s_prs, Only4 with { BatchSize = 2 });
        var rejects = new List<RejectedRow>();
        while (reader.ReadNext() is { } batch)
        {
            Assert.Equal(0, batch.Batch.Length);
            rejects.AddRange(batch.Rejects);
        }

        Assert.Equal([1L, 2, 3], rejects.Select(r => r.Row));
    }

    [Fact]
    public void ReadNext_TooManyFields_RejectsRow()
    {
        var path = Write("t.csv", $"{Header}\nA;2020-01-01;1.5;1111;x\nB;2020-01-02;2;1112\n");
        var (_, rows, rejects, _) = TableAssert.ReadAll(path, s_prs, Only4);
        Assert.Equal([2L], rows);
        Assert.Equal("5 fields where the header has 4", Assert.Single(rejects).Reason);
    }

    [Fact]
    public void Open_FileNotFound_ThrowsWithPath()
    {
        var path = _dir.File("nowhere.csv");
        var e = Assert.Throws<SndsFormatException>(() => SndsTableReader.Open(path, s_prs));
        Assert.Equal(path, e.FilePath);
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t.parquet", "Parquet")]
    [InlineData("t.arrow", "Arrow IPC")]
    public void Open_TextFileWithBinaryExtension_ThrowsWithPath(string name, string format)
    {
        var path = Write(name, $"{Header}\nA;2020-01-01;1.5;1111\n");
        var e = Assert.Throws<SndsFormatException>(() => SndsTableReader.Open(path, s_prs));
        Assert.Equal(path, e.FilePath);
        Assert.Contains($"not a readable {format} file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CommaDelimitedGzip_DetectsDelimiterAndReadsIt()
    {
        var path = _dir.File("t.csv.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("\uFEFFben_nir_psa,EXE_SOI_DTD,BSE_REM_MNT\n\"A,1\",02/01/2007,3\r\nB,02012007,\"2,5\"\n"));
        }

        var (columns, rows, rejects, _) = TableAssert.ReadAll(path, s_prs);
        Assert.Equal([1L], rows);
        Assert.Equal(["A,1"], columns["BEN_NIR_PSA"]);
        Assert.Equal([new DateOnly(2007, 1, 2).DayNumber - 719_162], columns["EXE_SOI_DTD"]);

        // with ',' as delimiter a decimal comma is not a number (it would be ambiguous)
        var reject = Assert.Single(rejects);
        Assert.Equal((2L, "BSE_REM_MNT", "not a number", "2,5"), (reject.Row, reject.Column, reject.Reason, reject.Value));
    }

    [Fact]
    public void Open_DelimiterOptionAndProjection_ReadsOnlyTheseColumns()
    {
        var path = Write("t.txt", "BEN_NIR_PSA|EXE_SOI_DTD|PRS_NAT_REF\nA|2020-01-01|1111\n");
        var (columns, _, rejects, reader) = TableAssert.ReadAll(path, s_prs,
            new SndsReadOptions { CsvDelimiter = '|', Columns = ["PRS_NAT_REF", "PSE_SPE_COD"] });
        Assert.Empty(rejects);
        Assert.Equal(["PRS_NAT_REF"], columns.Keys);
        Assert.Equal(["PSE_SPE_COD"], reader.MissingColumns);
        Assert.Empty(reader.ExtraColumns);
    }

    [Fact]
    public void ReadNext_SmallBatches_StreamsAllRowsWithRowNumbers()
    {
        const int Count = 300_000;
        var path = _dir.File("big.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("BEN_NIR_PSA;EXE_SOI_DTD;PRS_NAT_REF\n");
            for (var i = 0; i < Count; i++)
            {
                writer.Write(i.ToString("D17", System.Globalization.CultureInfo.InvariantCulture));
                writer.Write(";2020-01-01;");
                writer.Write((i % 2000).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.Write('\n');
            }
        }

        using var reader = SndsTableReader.Open(path, s_prs, new SndsReadOptions { BatchSize = 10_000 });
        var batches = 0;
        long rows = 0, sum = 0, last = 0;
        while (reader.ReadNext() is { } batch)
        {
            using (batch)
            {
                batches++;
                rows += batch.Batch.Length;
                Assert.Equal(last + 1, batch.RowNumbers[0]);
                last = batch.RowNumbers[^1];
                var nat = (Apache.Arrow.Int64Array)batch.Batch.Column(2);
                foreach (var v in nat.Values)
                {
                    sum += v;
                }
            }
        }

        Assert.Equal(30, batches);
        Assert.Equal(Count, rows);
        Assert.Equal(Count, last);
        Assert.Equal(150L * 1999 * 1000, sum);
    }

    private string Write(string name, string content)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
