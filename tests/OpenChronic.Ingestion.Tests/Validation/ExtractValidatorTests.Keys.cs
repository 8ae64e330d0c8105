using System.Text;
using OpenChronic.Ingestion.Validation;
using static OpenChronic.Ingestion.Tests.Validation.Fakes.CleanExtract;

namespace OpenChronic.Ingestion.Tests.Validation;

/// <summary>Key values, primary keys, references between tables, and the privacy of identifiers.</summary>
public sealed partial class ExtractValidatorTests
{
    [Fact]
    public void Run_EmptyKeyValues_AreMissingKeyValues()
    {
        using var extract = Create();
        extract["dcir/ER_PRS_F_201901.csv"].Rows[2]["DCT_ORD_NUM"] = " ";
        extract["dcir/ER_PRS_F_201901.csv"].Rows[0]["FLX_DIS_DTD"] = null;
        var report = extract.Validate();

        Assert.Equal(2, report.Count(ValidationProblemKind.MissingKeyValue, "ER_PRS_F"));
        Assert.Equal(new ProblemExample("dcir/ER_PRS_F_201901.csv", 3, "DCT_ORD_NUM", null, null),
            report.Problems.Single(p => p.Column == "DCT_ORD_NUM").Examples.Single());

        // The pharmacy line of claim 1 lost its parent key: it is an orphan, and nothing else is reported.
        Assert.Equal(1, report.Count(ValidationProblemKind.OrphanRow, "ER_PHA_F"));
        Assert.Equal(3, report.Problems.Sum(p => p.Count));
    }

    [Fact]
    public void Run_DuplicateClaimAcrossMonthlyFiles_IsOneDuplicateKey()
    {
        using var extract = Create();
        extract.Add("dcir/ER_PRS_F_201902.csv").Row([.. Claim("10000002"), ("BEN_NIR_PSA", Person2), ("BEN_RNG_GEM", "1")]);
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.DuplicateKey, "ER_PRS_F", string.Join('+', Domain.Snds.SndsCatalogue.DcirKeys), 1L),
            (problem.Kind, problem.Table, problem.Column, problem.Count));
        var example = problem.Examples.Single();
        Assert.Equal(("dcir/ER_PRS_F_201902.csv", 1L), (example.File, example.Row));
        Assert.StartsWith("DCT_ORD_NUM=10000002, FLX_DIS_DTD=2019-02-01, ", example.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PmsiKeys_AreUniquePerYear()
    {
        using var extract = Create();
        extract.Add("pmsi/T_MCO18B.csv").Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000001"));
        extract["pmsi/T_MCO19B.csv"].Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000002"));
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.DuplicateKey, "T_MCO19B", "ETA_NUM+RSA_NUM"), (problem.Kind, problem.Table, problem.Column));
        Assert.Equal($"ETA_NUM={Finess}, RSA_NUM=0000000002", problem.Examples.Single().Value);
    }

    [Fact]
    public void Run_DuplicatePerson_IsMaskedInTheExample()
    {
        using var extract = Create();
        extract["IR_BEN_R.csv"].Row(("BEN_NIR_PSA", Person2), ("BEN_RNG_GEM", "1"), ("BEN_IDT_ANO", Identity2));
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.DuplicateKey, "IR_BEN_R", "BEN_NIR_PSA+BEN_RNG_GEM"), (problem.Kind, problem.Table, problem.Column));
        Assert.Equal($"BEN_NIR_PSA={PersonMask.Mask}, BEN_RNG_GEM=1", problem.Examples.Single().Value);
    }

    [Fact]
    public void Run_DrugReferentialWithARepeatedCip13_IsADuplicateKey()
    {
        using var extract = Create();
        extract.Add("IR_PHA_R.parquet")
            .Row(("PHA_CIP_C13", "3400921600506"), ("PHA_ATC_C07", "R03DC03"))
            .Row(("PHA_CIP_C13", "3400930000212"), ("PHA_ATC_C07", "A10BA02"))
            .Row(("PHA_CIP_C13", "3400921600506"), ("PHA_ATC_C07", "R03DC03"));
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(new ProblemExample("IR_PHA_R.parquet", 3, "PHA_CIP_C13", "3400921600506", "same key as an earlier row"), problem.Examples.Single());
    }

    [Fact]
    public void Run_PmsiFilesWithFourDigitYears_JoinTheSameYear()
    {
        using var extract = Create();
        extract.Add("pmsi/T_MCO2020B.parquet").Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000009"));
        extract.Add("pmsi/T_MCO2020A.parquet")
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000009"), ("CDC_ACT", "AHQP001"))
            .Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000001"), ("CDC_ACT", "AHQP001"));
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.OrphanRow, "T_MCO20A", 1L), (problem.Kind, problem.Table, problem.Count));
        Assert.Equal(2, problem.Examples.Single().Row);
        Assert.Equal("2020", report.Files.Single(f => f.Table == "T_MCO20B").Partition);
    }

    [Fact]
    public void Run_DetailsWithoutParent_AreOrphans()
    {
        using var extract = Create();
        extract["dcir/ER_PHA_F_201901.parquet"].Row([.. Claim("19999999")]);
        extract["pmsi/T_MCO19D.arrow"].Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000003")).Row(("ETA_NUM", "020000001"), ("RSA_NUM", "0000000001"));
        extract.Add("pmsi/T_MCO19A.csv").Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000002"), ("CDC_ACT", "AHQP001"));
        var report = extract.Validate();

        Assert.Equal(3, report.Count(ValidationProblemKind.OrphanRow));
        Assert.Equal(1, report.Count(ValidationProblemKind.OrphanRow, "ER_PHA_F"));
        var stays = report.Problems.Single(p => p.Kind == ValidationProblemKind.OrphanRow && p.Table == "T_MCO19D");
        Assert.Equal([2L, 3], stays.Examples.Select(e => e.Row));
        Assert.Contains("T_MCO19B", stays.Detail, StringComparison.Ordinal);
        Assert.Equal(3, report.Problems.Sum(p => p.Count));
    }

    [Fact]
    public void Run_PmsiDetailOfAYearWithoutStays_IsNotChecked()
    {
        using var extract = Create();
        extract.Add("pmsi/T_MCO18C.csv").Row(("ETA_NUM", Finess), ("RSA_NUM", "0000000001"), ("NIR_ANO_17", Person1));
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.MissingReferencedTable, "T_MCO18C", ValidationSeverity.Warning), (problem.Kind, problem.Table, problem.Severity));
        Assert.Contains("T_MCO18B is absent", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PersonsNotInIrBenR_AreUnknownPersons()
    {
        using var extract = Create();
        extract["dcir/ER_PRS_F_201901.csv"].Row([.. Claim("10000009"), ("BEN_NIR_PSA", "CCCCCCCCCCCCCCCC3"), ("BEN_RNG_GEM", "1")]);
        extract["IR_IMB_R.csv"].Row(("BEN_NIR_PSA", Person1), ("BEN_RNG_GEM", "2"), ("IMB_ALD_NUM", "8"));
        extract["pmsi/T_MCO19C.csv"].Rows[1]["NIR_ANO_17"] = "CCCCCCCCCCCCCCCC3";
        extract["KI_CCI_R.csv"].Row(("BEN_IDT_ANO", "IDT00000000000003"));
        var report = extract.Validate();

        Assert.Equal(4, report.Problems.Count);
        Assert.Equal(1, report.Count(ValidationProblemKind.UnknownPerson, "ER_PRS_F", "BEN_NIR_PSA+BEN_RNG_GEM"));
        Assert.Equal(1, report.Count(ValidationProblemKind.UnknownPerson, "IR_IMB_R", "BEN_NIR_PSA+BEN_RNG_GEM"));
        Assert.Equal(1, report.Count(ValidationProblemKind.UnknownPerson, "T_MCO19C", "NIR_ANO_17"));
        Assert.Equal(1, report.Count(ValidationProblemKind.UnknownPerson, "KI_CCI_R", "BEN_IDT_ANO"));
        Assert.Equal(new ProblemExample("pmsi/T_MCO19C.csv", 2, "NIR_ANO_17", PersonMask.Mask, "not in IR_BEN_R"),
            report.Problems.Single(p => p.Table == "T_MCO19C").Examples.Single());
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Run_DummyNirAno17_IsItsOwnProblem()
    {
        using var extract = Create();
        extract["pmsi/T_MCO19C.csv"].Rows[0]["NIR_ANO_17"] = "xxxxxxxxxxxxxxxxx";
        extract["pmsi/T_MCO19C.csv"].Rows[1]["NIR_ANO_17"] = "XXXXXXXXXXXXXXXXD";
        var report = extract.Validate();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ValidationProblemKind.DummyPersonIdentifier, "T_MCO19C", "NIR_ANO_17", 2L), (problem.Kind, problem.Table, problem.Column, problem.Count));
        Assert.All(problem.Examples, e => Assert.Equal(PersonMask.Mask, e.Value));
    }

    [Fact]
    public void Json_OfAReportFullOfPersonProblems_HoldsNoIdentifier()
    {
        using var extract = Create();
        extract["IR_BEN_R.csv"].Row(("BEN_NIR_PSA", Person2), ("BEN_RNG_GEM", "1"), ("BEN_IDT_ANO", Identity2 + "Z"));
        extract["dcir/ER_PRS_F_201901.csv"].Row([.. Claim("10000009"), ("BEN_NIR_PSA", "CCCCCCCCCCCCCCCC3"), ("BEN_RNG_GEM", "1")]);
        extract["pmsi/T_MCO19C.csv"].Rows[1]["NIR_ANO_17"] = "DDDDDDDDDDDDDDDD4";
        extract["pmsi/T_MCO19C.csv"].Rows[0]["NIR_ANO_17"] = "xxxxxxxxxxxxxxxxx";
        extract["KI_CCI_R.csv"].Row(("BEN_IDT_ANO", "IDT00000000000003"), ("BEN_NIR_ANO", "EEEEEEEEEEEEEEEE5"));
        extract["IR_IMB_R.csv"].Rejects.Add(new(Path.Combine(extract.Directory, "IR_IMB_R.csv"), 2, "BEN_NIR_PSA", "bad value FFFFFFFFFFFFFFFF6", "FFFFFFFFFFFFFFFF6"));
        var report = extract.Validate();

        using var stream = new MemoryStream();
        ValidationReportJson.Write(report, stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        Assert.True(report.Problems.Count >= 5, json);
        Assert.Contains(PersonMask.Mask, json, StringComparison.Ordinal);
        foreach (var id in new[] { Person1, Person2, Identity1, Identity2, "CCCCCCCCCCCCCCCC3", "DDDDDDDDDDDDDDDD4", "IDT00000000000003", "EEEEEEEEEEEEEEEE5", "FFFFFFFFFFFFFFFF6" })
        {
            Assert.DoesNotContain(id, json, StringComparison.Ordinal);
        }
    }
}
