using OpenChronic.Ingestion.Validation;
using static OpenChronic.Ingestion.Tests.Validation.Fakes.CleanExtract;

namespace OpenChronic.Ingestion.Tests.Validation;

/// <summary>Nomenclature codes, schema bounds and lengths.</summary>
public sealed partial class ExtractValidatorTests
{
    [Fact]
    public void Run_UnknownCodes_AreCountedPerColumnWithLocatedExamples()
    {
        using var extract = Create();
        var prs = extract["dcir/ER_PRS_F_201901.csv"];
        prs.Rows[1]["PSE_SPE_COD"] = "98";
        prs.Rows[2]["BEN_SEX_COD"] = "5";
        var report = extract.Validate();

        Assert.Equal(2, report.Problems.Count);
        var specialty = report.Problems.Single(p => p.Column == "PSE_SPE_COD");
        Assert.Equal((ValidationProblemKind.UnknownCode, ValidationSeverity.Warning, "ER_PRS_F", 1L), (specialty.Kind, specialty.Severity, specialty.Table, specialty.Count));
        Assert.Equal(new ProblemExample("dcir/ER_PRS_F_201901.csv", 2, "PSE_SPE_COD", "98", null), specialty.Examples.Single());
        Assert.Contains("IR_SPE_V", specialty.Detail, StringComparison.Ordinal);
        Assert.Equal(new ProblemExample("dcir/ER_PRS_F_201901.csv", 3, "BEN_SEX_COD", "5", null),
            report.Problems.Single(p => p.Column == "BEN_SEX_COD").Examples.Single());
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Run_PmsiDiagnoses_AreCheckedAgainstIcd10WithoutDotsAndSigns()
    {
        using var extract = Create();
        var stays = extract["pmsi/T_MCO19B.csv"];
        stays.Rows[0]["DGN_PAL"] = "E11.9*";
        stays.Rows[1]["DGN_PAL"] = "Q99.99";
        stays.Rows[1]["DGN_REL"] = "E119+";
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.UnknownCode, "T_MCO19B", "DGN_PAL", 1L), (problem.Kind, problem.Table, problem.Column, problem.Count));
        Assert.Equal("Q99.99", problem.Examples.Single().Value);
        Assert.Contains("IR_CIM_V", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RepeatedBadCodes_CountEveryRowButKeepFiveDistinctExamples()
    {
        using var extract = Create();
        var prs = extract["dcir/ER_PRS_F_201901.csv"];
        string[] codes = ["98", "98", "97", "96", "97", "95", "94", "93"];
        for (var i = 0; i < codes.Length; i++)
        {
            prs.Row([.. Claim($"2000000{i}"), ("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "1"), ("PSE_SPE_COD", codes[i])]);
        }

        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(8, problem.Count);
        Assert.Equal([(4L, "98"), (6, "97"), (7, "96"), (9, "95"), (10, "94")], problem.Examples.Select(e => (e.Row, e.Value)));
    }

    [Fact]
    public void Run_NumbersOutsideSchemaBounds_AreBelowOrAbove()
    {
        using var extract = Create();
        extract["dcir/ER_PHA_F_201901.parquet"]
            .Row([.. Claim("10000002"), ("PHA_ACT_QSN", "31")])
            .Row([.. Claim("10000003"), ("PHA_ACT_QSN", "-11")]);
        extract["pmsi/T_MCO19B.csv"].Rows[0]["AGE_ANN"] = "121";
        var report = extract.Validate();

        Assert.Equal(3, report.Problems.Count);
        Assert.Equal(new ProblemExample("dcir/ER_PHA_F_201901.parquet", 2, "PHA_ACT_QSN", "31", null),
            report.Problems.Single(p => p.Kind == ValidationProblemKind.AboveMaximum && p.Table == "ER_PHA_F").Examples.Single());
        Assert.Equal(new ProblemExample("dcir/ER_PHA_F_201901.parquet", 3, "PHA_ACT_QSN", "-11", null),
            report.Problems.Single(p => p.Kind == ValidationProblemKind.BelowMinimum).Examples.Single());
        Assert.Equal(1, report.Count(ValidationProblemKind.AboveMaximum, "T_MCO19B", "AGE_ANN"));
    }

    [Fact]
    public void Run_TextShorterOrLongerThanTheSchema_IsTooShortOrTooLong()
    {
        using var extract = Create();
        extract["dcir/ER_PHA_F_201901.parquet"].Rows[0]["PHA_CPA_PCP"] = "10";
        extract["pmsi/T_MCO19B.csv"].Rows[1]["GRG_GHM"] = "05M042Z";
        var report = extract.Validate();

        Assert.Equal(2, report.Problems.Count);
        Assert.Equal(1, report.Count(ValidationProblemKind.TooShort, "ER_PHA_F", "PHA_CPA_PCP"));
        Assert.Equal(new ProblemExample("pmsi/T_MCO19B.csv", 2, "GRG_GHM", "05M042Z", null),
            report.Problems.Single(p => p.Kind == ValidationProblemKind.TooLong).Examples.Single());
    }

    [Fact]
    public void Run_PersonIdentifierOfWrongLength_IsReportedMasked()
    {
        using var extract = Create();
        extract["IR_BEN_R.csv"].Row(("BEN_NIR_PSA", "SHORTNIR"), ("BEN_RNG_GEM", "1"), ("BEN_IDT_ANO", Identity1 + "XY"));
        var report = extract.Validate();

        var shortNir = report.Problems.Single(p => p.Kind == ValidationProblemKind.TooShort);
        Assert.Equal(new ProblemExample("IR_BEN_R.csv", 3, "BEN_NIR_PSA", PersonMask.Mask, null), shortNir.Examples.Single());
        var longIdt = report.Problems.Single(p => p.Kind == ValidationProblemKind.TooLong);
        Assert.Equal(PersonMask.Mask, longIdt.Examples.Single().Value);
    }

    [Fact]
    public void Run_CareAfterItsFluxOrStayEndingBeforeItStarts_IsDatesOutOfOrder()
    {
        using var extract = Create();
        var prs = extract["dcir/ER_PRS_F_201901.csv"];
        prs.Rows[0]["EXE_SOI_DTD"] = "2019-02-02";
        prs.Rows[1]["EXE_SOI_DTD"] = "2099-12-31";
        prs.Rows[2]["EXE_SOI_DTD"] = "2019-02-01";
        var links = extract["pmsi/T_MCO19C.csv"];
        links.Rows[0]["ENT_DAT"] = "2019-03-01";
        links.Rows[0]["SOR_DAT"] = "2019-03-04";
        links.Rows[1]["ENT_DAT"] = "2019-05-10";
        links.Rows[1]["SOR_DAT"] = "2019-05-09";
        var report = extract.Validate();

        // Care on the day the flux is made available (row 3) is in order; the day after (row 1) is not.
        Assert.Equal(2, report.Problems.Count);
        Assert.Equal(
            [
                new ProblemExample("dcir/ER_PRS_F_201901.csv", 1, "EXE_SOI_DTD>FLX_DIS_DTD", "2019-02-02 > 2019-02-01", null),
                new ProblemExample("dcir/ER_PRS_F_201901.csv", 2, "EXE_SOI_DTD>FLX_DIS_DTD", "2099-12-31 > 2019-02-01", null),
            ],
            report.Problems.Single(p => p.Table == "ER_PRS_F" && p.Kind == ValidationProblemKind.DatesOutOfOrder).Examples);
        Assert.Equal(1, report.Count(ValidationProblemKind.DatesOutOfOrder, "T_MCO19C", "ENT_DAT>SOR_DAT"));
    }
}
