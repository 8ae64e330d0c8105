using System.Text;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Tests.Tables;

/// <summary>
/// Every catalogue table: a CSV holding each column type in every accepted spelling, with nulls, leading-zero
/// codes and negative numbers, read to Arrow, then written to Parquet, Arrow IPC and CSV and read back identical.
/// </summary>
public sealed class SndsCatalogueRoundTripTests
{
    private const int Rows = 5;

    public static TheoryData<string> TableNames() => [.. SndsCatalogue.Default.Tables.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public void ReadWrite_EveryTable_RoundTripsThroughEachFormat(string tableName)
    {
        var table = SndsCatalogue.Default[tableName];
        using var dir = new TempDirectory();
        var csv = dir.File($"{tableName}.csv");
        File.WriteAllText(csv, BuildCsv(table), new UTF8Encoding(false));

        var (fromCsv, rows, rejects, reader) = TableAssert.ReadAll(csv, table);
        Assert.Empty(rejects);
        Assert.Empty(reader.MissingColumns);
        Assert.Empty(reader.ExtraColumns);
        Assert.Equal([1L, 2, 3, 4, 5], rows);
        CheckParsedValues(table, fromCsv);

        var sasComma = new SndsWriteOptions { CsvDelimiter = ',', CsvDateStyle = SndsCsvDateStyle.Sas };
        foreach (var (format, extension, options) in new[]
        {
            (SndsFileFormat.Parquet, "parquet", SndsWriteOptions.Default),
            (SndsFileFormat.ArrowIpc, "arrow", SndsWriteOptions.Default),
            (SndsFileFormat.Csv, "out.csv", SndsWriteOptions.Default),
            (SndsFileFormat.Csv, "sas.csv", sasComma),
        })
        {
            var target = dir.File($"{tableName}.{extension}");
            var (schema, batches) = TableAssert.ReadBatches(csv, table);
            using (var writer = SndsTableWriter.Create(target, schema, format, options))
            {
                foreach (var batch in batches)
                {
                    writer.Write(batch);
                    batch.Dispose();
                }
            }

            var (back, backRows, backRejects, _) = TableAssert.ReadAll(target, table);
            Assert.Empty(backRejects);
            Assert.Equal(rows, backRows);
            TableAssert.Equal(fromCsv, back, $"{tableName} via {extension}");
        }
    }

    /// <summary>Header in a shuffled order, then five rows; row 3 is all empty (nulls).</summary>
    private static string BuildCsv(SndsTable table)
    {
        var columns = table.Columns.Reverse().ToArray();
        var sb = new StringBuilder();
        sb.AppendJoin(';', columns.Select(c => c.Name)).Append('\n');
        for (var row = 0; row < Rows; row++)
        {
            sb.AppendJoin(';', columns.Select(c => row == 2 ? "" : Text(c, row))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Text(SndsColumn column, int row) => column.Type switch
    {
        SndsType.String => column.Name switch
        {
            "BEN_RES_DPT" => "001",
            "ETA_NUM" => "010780054",
            "ORG_CLE_NUM" => "01C751010",
            _ => row switch { 0 => "007", 1 => "\"é;x\"\"q\"", 3 => "A1", _ => " 0 " },
        },
        SndsType.Integer => row switch { 0 => "-12", 1 => "0", 3 => "9007199254740993", _ => " 42 " },
        SndsType.Number => row switch { 0 => "-1.5", 1 => "3,25", 3 => "1e3", _ => "-0.001" },
        SndsType.Boolean => row switch { 0 => "0", 1 => "1", 3 => "1", _ => "0" },
        SndsType.Date => row switch { 0 => "2007-01-02", 1 => "02/01/2007", 3 => "02JAN2007", _ => "02012007" },
        SndsType.DateTime => row switch { 0 => "2007-01-02 22:12:17", 1 => "02Jan2007:22:12:17", 3 => "2007-01-02T22:12:17", _ => "02JAN2007:22:12:17" },
        SndsType.YearMonth => row switch { 0 => "200701", 1 => "199912", 3 => "202412", _ => "200001" },
        SndsType.Year => row switch { 0 => "2007", 1 => "1999", 3 => "2024", _ => "2000" },
        _ => row switch { 0 => "1", 1 => "01", 3 => "12", _ => "7" },
    };

    private static void CheckParsedValues(SndsTable table, Dictionary<string, List<object?>> values)
    {
        var day = new DateOnly(2007, 1, 2).DayNumber - 719_162;
        var ms = (day * 86_400_000L) + (((22 * 3600) + (12 * 60) + 17) * 1000L);
        foreach (var column in table.Columns)
        {
            var v = values[column.Name];
            Assert.Null(v[2]);
            object?[] expected = column.Type switch
            {
                SndsType.String => column.Name switch
                {
                    "BEN_RES_DPT" => ["001", "001", null, "001", "001"],
                    "ETA_NUM" => ["010780054", "010780054", null, "010780054", "010780054"],
                    "ORG_CLE_NUM" => ["01C751010", "01C751010", null, "01C751010", "01C751010"],
                    _ => ["007", "é;x\"q", null, "A1", " 0 "],
                },
                SndsType.Integer => [-12L, 0L, null, 9007199254740993L, 42L],
                SndsType.Number => [-1.5, 3.25, null, 1000.0, -0.001],
                SndsType.Boolean => [false, true, null, true, false],
                SndsType.Date => [day, day, null, day, day],
                SndsType.DateTime => [ms, ms, null, ms, ms],
                SndsType.YearMonth => [200701, 199912, null, 202412, 200001],
                SndsType.Year => [2007, 1999, null, 2024, 2000],
                _ => [1, 1, null, 12, 7],
            };
            Assert.Equal(expected, v);
        }
    }
}
