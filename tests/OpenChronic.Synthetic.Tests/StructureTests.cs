using OpenChronic.Domain.Snds;

namespace OpenChronic.Synthetic.Tests;

/// <summary>Keys are consistent across tables, codes are real, claims are made available 1–7 months after care.</summary>
[Collection(ExtractCollection.Name)]
public sealed class StructureTests(ExtractFixture extract)
{
    [Fact]
    public void Files_OnePerTablePerFluxMonthAndYear()
    {
        var names = Directory.GetFiles(extract.Directory).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);

        // Care in 2019–2020, processed up to six months later, made available the month after: 30 flux months.
        Assert.DoesNotContain("ER_PRS_F_201901.parquet", names);
        Assert.Contains("ER_PRS_F_201902.parquet", names);
        Assert.Contains("ER_PRS_F_202107.parquet", names);
        Assert.DoesNotContain("ER_PRS_F_202108.parquet", names);
        Assert.Equal(30, Extract.Files(extract.Directory, "ER_PHA_F").Length);
        Assert.Contains("T_MCO19B.parquet", names);
        Assert.Contains("T_MCO20E.parquet", names);
        Assert.Contains("KI_ECD_R.parquet", names);
    }

    [Fact]
    public void Keys_DetailLinesJoinTheirClaims_PatientsResolve()
    {
        var orphans = Extract.Truth(extract.Directory, "defects").Where(d => d.Str("kind") == "orphan_detail")
            .Select(d => (d.Str("file"), d.Long("row"))).ToHashSet();
        var keys = SndsCatalogue.DcirKeys.ToArray();
        var prs = Extract.Table(extract.Directory, "ER_PRS_F", [.. keys, "BEN_NIR_PSA", "BEN_RNG_GEM"]);
        var prsKeys = prs.Select(r => Key(r, keys)).ToHashSet(StringComparer.Ordinal);
        var ben = Extract.Table(extract.Directory, "IR_BEN_R", "BEN_NIR_PSA", "BEN_RNG_GEM");
        var patients = ben.Select(b => (b.Str("BEN_NIR_PSA"), b.Long("BEN_RNG_GEM"))).ToHashSet();
        var nirs = ben.Select(b => b.Str("BEN_NIR_PSA")).ToHashSet();

        foreach (var table in (string[])["ER_PHA_F", "ER_BIO_F", "ER_CAM_F", "ER_ETE_F"])
        {
            var detail = Extract.Table(extract.Directory, table, keys);
            Assert.NotEmpty(detail);
            Assert.All(detail.Where(d => !orphans.Contains((d.File, d.Row))), d => Assert.Contains(Key(d, keys), prsKeys));
        }

        Assert.All(prs, r => Assert.Contains((r.Str("BEN_NIR_PSA"), r.Long("BEN_RNG_GEM")), patients));
        var c = Extract.Table(extract.Directory, "T_MCOaaC", "ETA_NUM", "RSA_NUM", "NIR_ANO_17");
        var b = Extract.Table(extract.Directory, "T_MCOaaB", "ETA_NUM", "RSA_NUM");
        Assert.All(c, s => Assert.Contains(s.Str("NIR_ANO_17"), nirs));
        Assert.Equal(b.Count, b.Select(s => (s.File, s.Str("ETA_NUM"), s.Str("RSA_NUM"))).Distinct().Count());
        Assert.Equal(b.Select(s => (s.File[5..7], s.Str("ETA_NUM"), s.Str("RSA_NUM"))).Order(),
            c.Select(s => (s.File[5..7], s.Str("ETA_NUM"), s.Str("RSA_NUM"))).Order());
    }

    [Fact]
    public void Codes_AreRealNomenclatureValues()
    {
        var defects = Extract.Truth(extract.Directory, "defects").Select(d => (d.Str("file"), d.Long("row"))).ToHashSet();
        var nomenclatures = NomenclatureSet.Default;
        var prs = Extract.Table(extract.Directory, "ER_PRS_F", "PRS_NAT_REF", "PSE_SPE_COD", "BEN_RES_DPT", "EXO_MTF");
        Assert.All(prs.Where(r => !defects.Contains((r.File, r.Row))), r =>
        {
            Assert.True(nomenclatures.Get("IR_NAT_V").Contains(r.Long("PRS_NAT_REF")!.Value), $"PRS_NAT_REF {r.Str("PRS_NAT_REF")}");
            Assert.True(r.Long("PSE_SPE_COD") is not { } spe || nomenclatures.Get("IR_SPE_V").Contains(spe));
            Assert.True(nomenclatures.Get("IR_DPT_V").Contains(r.Str("BEN_RES_DPT")!));
            Assert.True(nomenclatures.Get("IR_EXO_V").Contains(r.Long("EXO_MTF")!.Value));
        });

        var pha = Extract.Table(extract.Directory, "ER_PHA_F", "PHA_PRS_C13");
        Assert.All(pha, r => Assert.True(DrugReferential.Default.TryGet(r.Long("PHA_PRS_C13")!.Value, out _)));
        var bio = Extract.Table(extract.Directory, "ER_BIO_F", "BIO_PRS_IDE");
        Assert.All(bio, r => Assert.True(nomenclatures.Get("IR_BIO_R").Contains(r.Long("BIO_PRS_IDE")!.Value)));
        var cam = Extract.Table(extract.Directory, "ER_CAM_F", "CAM_PRS_IDE");
        var ccam = nomenclatures.Get("IR_CCAM_V63", "CAM_PRS_IDE_COD");
        Assert.All(cam, r => Assert.True(ccam.Contains(r.Str("CAM_PRS_IDE")!)));
        var cim = nomenclatures.Get("IR_CIM_V");
        var stays = Extract.Table(extract.Directory, "T_MCOaaB", "DGN_PAL", "DGN_REL");
        Assert.All(stays, s => Assert.True(cim.Contains(s.Str("DGN_PAL")!) && (s.Str("DGN_REL") is not { } dr || cim.Contains(dr))));
        var das = Extract.Table(extract.Directory, "T_MCOaaD", "ASS_DGN");
        Assert.All(das, s => Assert.True(cim.Contains(s.Str("ASS_DGN")!)));
        var deaths = Extract.Table(extract.Directory, "KI_ECD_R", "ECD_CIM_COD");
        Assert.NotEmpty(deaths);
        Assert.All(deaths, s => Assert.True(cim.Contains(s.Str("ECD_CIM_COD")!), s.Str("ECD_CIM_COD")));
    }

    [Fact]
    public void Claims_MadeAvailableOneToSevenMonthsAfterCare()
    {
        var defects = Extract.Truth(extract.Directory, "defects").Select(d => (d.Str("file"), d.Long("row"))).ToHashSet();
        var prs = Extract.Table(extract.Directory, "ER_PRS_F", "FLX_DIS_DTD", "EXE_SOI_DTD");
        var delays = prs.Where(r => !defects.Contains((r.File, r.Row)))
            .Select(r => Months(r.Date("FLX_DIS_DTD")!.Value) - Months(r.Date("EXE_SOI_DTD")!.Value)).ToList();

        // FLX_DIS_DTD is the first day of the month after processing, processing 0–6 months after the care month.
        Assert.All(delays, d => Assert.InRange(d, 1, 7));
        Assert.InRange(delays.Count(d => d <= 2) / (double)delays.Count, 0.8, 0.9);
        Assert.InRange(prs.Count / (2.0 * ExtractFixture.Persons), 8, 25);
    }

    [Fact]
    public void Claims_ProcessedBetweenCareAndFlux_AgeCodedAsIrAmaV()
    {
        var defects = Extract.Truth(extract.Directory, "defects").Select(d => (d.Str("file"), d.Long("row"))).ToHashSet();
        var prs = Extract.Table(extract.Directory, "ER_PRS_F", "FLX_DIS_DTD", "FLX_TRT_DTD", "EXE_SOI_DTD", "BEN_NAI_ANN", "BEN_AMA_COD")
            .Where(r => !defects.Contains((r.File, r.Row))).ToList();
        var ages = NomenclatureSet.Default.Get("IR_AMA_V");

        Assert.All(prs, r =>
        {
            var care = r.Date("EXE_SOI_DTD")!.Value;
            var treated = r.Date("FLX_TRT_DTD")!.Value;
            Assert.InRange(treated, care, r.Date("FLX_DIS_DTD")!.Value.AddDays(-1));
            var code = r.Long("BEN_AMA_COD")!.Value;
            Assert.True(ages.Contains(code), $"BEN_AMA_COD {code}");

            // Under two years the code is 1000 + months ("Nourrisson n mois"), else the age in years.
            var years = care.Year - r.Long("BEN_NAI_ANN")!.Value;
            Assert.True(code >= 1000 ? code - 1000 < 24 && years <= 2 : code >= years - 1 && code <= years, $"{code} at {care} born {years} years before");
        });
        Assert.Contains(prs, r => r.Long("BEN_AMA_COD") >= 1000);
    }

    private static int Months(DateOnly d) => d.Year * 12 + d.Month;

    private static string Key(ExtractRow r, string[] keys) => string.Join('|', keys.Select(k => r.Str(k)));
}
