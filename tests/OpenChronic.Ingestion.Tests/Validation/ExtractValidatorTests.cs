using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Tests.Validation.Fakes;
using OpenChronic.Ingestion.Validation;
using static OpenChronic.Ingestion.Tests.Validation.Fakes.CleanExtract;

namespace OpenChronic.Ingestion.Tests.Validation;

/// <summary>Files, columns, reader rejects, severities and exit codes.</summary>
public sealed partial class ExtractValidatorTests
{
    [Fact]
    public void Run_CleanExtract_HasNoProblem()
    {
        using var extract = Create();
        var report = extract.Validate();

        Assert.Empty(report.Problems);
        Assert.True(report.CanIngest);
        Assert.Equal(0, report.ExitCode);
        Assert.Empty(report.UnrecognisedFiles);
        Assert.Equal(
            ["ER_PHA_F", "ER_PRS_F", "IR_BEN_R", "IR_IMB_R", "KI_CCI_R", "T_MCO19B", "T_MCO19C", "T_MCO19D"],
            report.Tables.Select(t => t.Table));
        Assert.Equal(new TableSummary("ER_PRS_F", 1, 3, 0), report.Tables.Single(t => t.Table == "ER_PRS_F"));
        Assert.All(extract.Opened, r => Assert.True(r.Disposed));
    }

    [Fact]
    public void Run_ReadsPersonsFirstThenParentsThenDetails()
    {
        using var extract = Create();
        var report = extract.Validate();

        var order = report.Files.Select(f => f.Table).ToList();
        Assert.Equal("IR_BEN_R", order[0]);
        Assert.True(order.IndexOf("ER_PRS_F") < order.IndexOf("ER_PHA_F"));
        Assert.True(order.IndexOf("T_MCO19B") < order.IndexOf("T_MCO19C"));
        Assert.Equal(8, report.Files.Count);
    }

    [Fact]
    public void Run_FileSplitByMonth_CountsOneTableOfSeveralFiles()
    {
        using var extract = Create();
        extract.Add("dcir/ER_PRS_F_201902.csv").Row([.. Claim("10000004"), ("BEN_NIR_PSA", Person2), ("BEN_RNG_GEM", "1")]);
        var report = extract.Validate();

        Assert.Empty(report.Problems);
        Assert.Equal(new TableSummary("ER_PRS_F", 2, 4, 0), report.Tables.Single(t => t.Table == "ER_PRS_F"));
        Assert.Equal("2019-02", report.Files.Single(f => f.File == "dcir/ER_PRS_F_201902.csv").Partition);
    }

    [Fact]
    public void Run_OtherFiles_AreListedAndTruthIsSkipped()
    {
        using var extract = Create();
        extract.AddOther("README.txt", "extract of 2019");
        extract.AddOther("dcir/ER_PRS_F_201903.sas7bdat");
        extract.AddOther("truth/patients.parquet");
        extract.AddOther("truth/ER_PRS_F_201901.csv");
        var report = extract.Validate();

        Assert.Equal(["README.txt", "dcir/ER_PRS_F_201903.sas7bdat"], report.UnrecognisedFiles);
        Assert.Empty(report.Problems);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Run_NoTableFile_IsAnError()
    {
        using var extract = new FakeExtract();
        extract.AddOther("notes.txt");
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ValidationProblemKind.NoRecognisedTable, problem.Kind);
        Assert.Equal(ValidationSeverity.Error, problem.Severity);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal(["notes.txt"], report.UnrecognisedFiles);
    }

    [Fact]
    public void Run_NoPersonTable_IsAnError()
    {
        using var extract = Create();
        extract.Remove("IR_BEN_R.csv");
        var report = extract.Validate();

        Assert.Equal(1, report.Count(ValidationProblemKind.MissingPersonTable));
        Assert.False(report.CanIngest);
        Assert.Equal(1, report.ExitCode);

        // The person references could not be checked, and say so instead of calling every person unknown.
        Assert.Equal(0, report.Count(ValidationProblemKind.UnknownPerson));
        Assert.Equal(4, report.Count(ValidationProblemKind.MissingReferencedTable));
    }

    [Fact]
    public void Run_FileThatCannotBeOpened_IsAnErrorLocatedByFile()
    {
        using var extract = Create();
        extract["pmsi/T_MCO19D.arrow"].OpenFailure = new SndsFormatException("not an Arrow IPC file");
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.UnreadableFile, ValidationSeverity.Error, "T_MCO19D"), (problem.Kind, problem.Severity, problem.Table));
        Assert.Equal(new ProblemExample("pmsi/T_MCO19D.arrow", 0, null, null, "not an Arrow IPC file"), Assert.Single(problem.Examples));
        Assert.Equal(1, report.ExitCode);
        Assert.Equal("not an Arrow IPC file", report.Files.Single(f => f.Table == "T_MCO19D").Error);
    }

    [Fact]
    public void Run_ParentFileTruncated_DoesNotInventOrphans()
    {
        using var extract = Create();
        extract["dcir/ER_PRS_F_201901.csv"].FailAfterBatches = 1;
        var report = extract.Validate();

        var unreadable = Assert.Single(report.Problems, p => p.Kind == ValidationProblemKind.UnreadableFile);
        Assert.Equal(3, unreadable.Examples[0].Row);
        Assert.Equal(0, report.Count(ValidationProblemKind.OrphanRow));
        Assert.Equal(1, report.Count(ValidationProblemKind.MissingReferencedTable, "ER_PHA_F"));
        Assert.Equal(2, report.Files.Single(f => f.Table == "ER_PRS_F").Rows);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public void Run_MissingAndExtraColumns_AreWarnings()
    {
        using var extract = Create();
        extract["dcir/ER_PHA_F_201901.parquet"].Omit.Add("PHA_DEC_TOP");
        extract["dcir/ER_PHA_F_201901.parquet"].ExtraColumns.Add("PHA_NEW_COL");
        var report = extract.Validate();

        Assert.Equal(2, report.Problems.Count);
        var missing = Assert.Single(report.Problems, p => p.Kind == ValidationProblemKind.MissingColumn);
        Assert.Equal(("ER_PHA_F", "PHA_DEC_TOP", ValidationSeverity.Warning), (missing.Table, missing.Column, missing.Severity));
        Assert.Equal(1, report.Count(ValidationProblemKind.ExtraColumn, "ER_PHA_F", "PHA_NEW_COL"));
        Assert.Equal(["PHA_DEC_TOP"], report.Files.Single(f => f.Table == "ER_PHA_F").MissingColumns);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Run_MissingKeyColumn_IsAnErrorAndSkipsTheReference()
    {
        using var extract = Create();
        extract["dcir/ER_PHA_F_201901.parquet"].Omit.Add("DCT_ORD_NUM");
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.MissingKeyColumn, ValidationSeverity.Error, "ER_PHA_F", "DCT_ORD_NUM"),
            (problem.Kind, problem.Severity, problem.Table, problem.Column));
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public void Run_ParentMissingKeyColumn_SkipsChildReferences()
    {
        using var extract = Create();
        extract["pmsi/T_MCO19B.csv"].Omit.Add("RSA_NUM");
        var report = extract.Validate();

        Assert.Equal(1, report.Count(ValidationProblemKind.MissingKeyColumn, "T_MCO19B", "RSA_NUM"));
        Assert.Equal(0, report.Count(ValidationProblemKind.OrphanRow));
        Assert.Equal(2, report.Count(ValidationProblemKind.MissingReferencedTable));
    }

    [Fact]
    public void Run_ReaderRejects_AreCountedLocatedAndMasked()
    {
        using var extract = Create();
        var prs = extract["dcir/ER_PRS_F_201901.csv"];
        prs.Rejects.Add(new RejectedRow("ER_PRS_F_201901.csv", 1, "BEN_RNG_GEM", "not an integer", "x"));
        prs.Rejects.Add(new RejectedRow("ER_PRS_F_201901.csv", 1, "FLX_DIS_DTD", "not a date", "2019-13-01"));
        prs.Rejects.Add(new RejectedRow("ER_PRS_F_201901.csv", 2, "BEN_NIR_PSA", $"'{Person1}9' is too long", Person1 + "9"));
        prs.Rejects.Add(new RejectedRow("ER_PRS_F_201901.csv", 3, null, "12 fields where the header has 140", Person1 + ";1;..."));
        var report = extract.Validate();

        Assert.Equal(4, report.Count(ValidationProblemKind.RejectedRow, "ER_PRS_F"));
        Assert.Equal(new TableSummary("ER_PRS_F", 1, 6, 3), report.Tables.Single(t => t.Table == "ER_PRS_F"));
        var nir = report.Problems.Single(p => p.Kind == ValidationProblemKind.RejectedRow && p.Column == "BEN_NIR_PSA").Examples.Single();
        Assert.Equal(new ProblemExample("dcir/ER_PRS_F_201901.csv", 2, "BEN_NIR_PSA", PersonMask.Mask, "'<person id>' is too long"), nir);
        var line = report.Problems.Single(p => p.Kind == ValidationProblemKind.RejectedRow && p.Column is null).Examples.Single();
        Assert.Null(line.Value);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Run_ReportsProgressForEveryFile()
    {
        using var extract = Create();
        var seen = new List<ValidationProgress>();
        var report = extract.Validate(progress: new SyncProgress<ValidationProgress>(seen.Add));

        var done = seen.Where(p => p.FileDone).ToList();
        Assert.Equal(report.Files.Select(f => f.File), done.Select(p => p.File));
        Assert.Equal(report.Files.Select(f => f.Rows), done.Select(p => p.RowsRead));
        Assert.All(seen, p => Assert.Equal(8, p.FileCount));
    }

    [Fact]
    public void Run_MissingFolder_Throws()
    {
        var validator = new ExtractValidator((_, _) => throw new InvalidOperationException("not called"));
        Assert.Throws<DirectoryNotFoundException>(() =>
            validator.Run(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
