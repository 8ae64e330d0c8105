using System.Globalization;
using System.IO.Compression;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;
using static OpenChronic.Ingestion.Tests.Validation.Fakes.CleanExtract;

namespace OpenChronic.Ingestion.Tests.Validation;

/// <summary>The validator over real CSV, gzipped CSV, Parquet and Arrow IPC files read by <see cref="SndsTableReader"/>.</summary>
public sealed class ExtractValidatorEndToEndTests
{
    private static readonly SndsTable s_prs = SndsCatalogue.Default["ER_PRS_F"];
    private static readonly SndsTable s_pha = SndsCatalogue.Default["ER_PHA_F"];

    [Fact]
    public void Validate_CleanExtractOnDisk_HasNoProblem()
    {
        using var extract = Create();
        extract.WriteFiles();
        var report = ExtractValidator.Validate(extract.Directory, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(report.Problems);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(8, report.Files.Count);
        Assert.Equal(3, report.Tables.Single(t => t.Table == "ER_PRS_F").Rows);
        Assert.Equal(SndsFileFormat.Parquet, report.Files.Single(f => f.Table == "ER_PHA_F").Format);
        Assert.Equal(SndsFileFormat.ArrowIpc, report.Files.Single(f => f.Table == "T_MCO19D").Format);
    }

    [Fact]
    public void Validate_DefectsInRealFiles_AreFoundAndLocated()
    {
        using var extract = Create();
        extract.WriteFiles();
        var dir = extract.Directory;

        // A CSV month with a bad date, a short row, a bad sex code and a person missing from IR_BEN_R.
        var keys = string.Join(';', SndsCatalogue.DcirKeys);
        File.WriteAllLines(Path.Combine(dir, "dcir", "ER_PRS_F_201902.csv"),
        [
            $"{keys};BEN_NIR_PSA;BEN_RNG_GEM;BEN_SEX_COD",
            $"20000001;2019-03-01;1;0;1;2019-02-10;01C751010;1;1;{Person1};1;1",
            $"20000002;2019-13-01;1;0;1;2019-02-10;01C751010;1;1;{Person1};1;1",
            "20000003;2019-03-01;1",
            $"20000004;2019-03-01;1;0;1;2019-02-10;01C751010;1;1;{Person2};1;7",
            "20000005;2019-03-01;1;0;1;2019-02-10;01C751010;1;1;CCCCCCCCCCCCCCCC3;1;1",
        ]);

        // A Parquet file that is not one.
        File.WriteAllText(Path.Combine(dir, "dcir", "ER_BIO_F_201902.parquet"), "this is not parquet");

        var report = ExtractValidator.Validate(dir, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, report.ExitCode);
        var unreadable = Assert.Single(report.Problems, p => p.Kind == ValidationProblemKind.UnreadableFile);
        Assert.Equal(("ER_BIO_F", "dcir/ER_BIO_F_201902.parquet"), (unreadable.Table, unreadable.Examples[0].File));

        var rejects = report.Problems.Where(p => p.Kind == ValidationProblemKind.RejectedRow).ToList();
        Assert.Equal(2, rejects.Sum(p => p.Count));
        Assert.Contains(rejects.SelectMany(p => p.Examples), e => e.Row == 2 && e.Column == "FLX_DIS_DTD" && e.File == "dcir/ER_PRS_F_201902.csv");
        Assert.Contains(rejects.SelectMany(p => p.Examples), e => e.Row == 3 && e.Column is null);

        Assert.Equal(new ProblemExample("dcir/ER_PRS_F_201902.csv", 4, "BEN_SEX_COD", "7", null),
            report.Problems.Single(p => p.Kind == ValidationProblemKind.UnknownCode).Examples.Single());
        var unknown = report.Problems.Single(p => p.Kind == ValidationProblemKind.UnknownPerson);
        Assert.Equal(1, unknown.Count);
        Assert.Equal(5, unknown.Examples.Single().Row);

        // The file lacks most catalogue columns: warnings, not errors.
        Assert.Equal(s_prs.Columns.Length - 12, report.Problems.Count(p => p.Kind == ValidationProblemKind.MissingColumn));
        Assert.Equal(new TableSummary("ER_PRS_F", 2, 8, 2), report.Tables.Single(t => t.Table == "ER_PRS_F"));
    }

    [Fact]
    public void Validate_ThousandsOfRowsInCsvAndGzippedCsv_CountsExactDuplicatesAndOrphans()
    {
        using var extract = Create();
        extract.Remove("dcir/ER_PHA_F_201901.parquet");
        var prs = extract["dcir/ER_PRS_F_201901.csv"];
        prs.BatchSize = 1000;
        var pha = extract.Add("dcir/ER_PHA_F_201901.csv");
        pha.BatchSize = 1000;
        for (var i = 0; i < 3000; i++)
        {
            var number = (30000000 + i).ToString(CultureInfo.InvariantCulture);
            prs.Row([.. Claim(number), ("BEN_NIR_PSA", i % 2 == 0 ? Person1 : Person2), ("BEN_RNG_GEM", "1")]);

            // Every 500th pharmacy line points to a claim that does not exist.
            var parent = i % 500 == 0 ? (40000000 + i).ToString(CultureInfo.InvariantCulture) : number;
            pha.Row([.. Claim(parent), ("PHA_ACT_QSN", "1")]);
        }

        for (var i = 0; i < 10; i++)
        {
            prs.Row([.. Claim((30000000 + (i * 250)).ToString(CultureInfo.InvariantCulture)), ("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "1")]);
        }

        extract.WriteFiles();
        var csv = Path.Combine(extract.Directory, "dcir", "ER_PHA_F_201901.csv");
        using (var source = File.OpenRead(csv))
        using (var target = new GZipStream(File.Create(csv + ".gz"), CompressionLevel.Fastest))
        {
            source.CopyTo(target);
        }

        File.Delete(csv);
        var options = new ValidationOptions { ReadOptions = new SndsReadOptions { BatchSize = 777 } };
        var report = ExtractValidator.Validate(extract.Directory, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(10, report.Count(ValidationProblemKind.DuplicateKey, "ER_PRS_F"));
        Assert.Equal(6, report.Count(ValidationProblemKind.OrphanRow, "ER_PHA_F"));
        Assert.Equal([1L, 501, 1001, 1501, 2001], report.Problems.Single(p => p.Kind == ValidationProblemKind.OrphanRow).Examples.Select(e => e.Row));
        Assert.Equal(16, report.Problems.Sum(p => p.Count));
        Assert.Equal(3000, report.Tables.Single(t => t.Table == "ER_PHA_F").Rows);
        Assert.Equal(3013, report.Tables.Single(t => t.Table == "ER_PRS_F").Rows);
        Assert.Equal("dcir/ER_PHA_F_201901.csv.gz", report.Files.Single(f => f.Table == "ER_PHA_F").File);
        Assert.Contains("3003 keys", report.KeyCheckNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WrittenToAFile_ReadsBack()
    {
        using var extract = Create();
        extract.WriteFiles();
        extract.AddOther("notes.md", "# extract");
        File.WriteAllText(Path.Combine(extract.Directory, "dcir", "ER_ETE_F_201901.csv"), "ETB_EXE_FIN\n123\n");
        var report = ExtractValidator.Validate(extract.Directory, cancellationToken: TestContext.Current.CancellationToken);
        var path = Path.Combine(extract.Directory, "out", "report.json");

        ValidationReportJson.Write(report, path);
        using var stream = File.OpenRead(path);
        var back = ValidationReportJson.Read(stream)!;

        Assert.Equal(report.Tables, back.Tables);
        Assert.Equal(report.UnrecognisedFiles, back.UnrecognisedFiles);
        Assert.Equal(report.Problems.Select(p => (p.Kind, p.Table, p.Column, p.Count)), back.Problems.Select(p => (p.Kind, p.Table, p.Column, p.Count)));
        Assert.Equal(1, back.ExitCode);
        Assert.Equal(9, back.Problems.Count(p => p.Kind == ValidationProblemKind.MissingKeyColumn));
    }
}
