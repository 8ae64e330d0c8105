using OpenChronic.Domain.Snds;

namespace OpenChronic.Synthetic.Tests;

/// <summary>Every defect the truth lists is in the tables, at the file and row it names.</summary>
[Collection(ExtractCollection.Name)]
public sealed class DefectTests(ExtractFixture extract)
{
    private static readonly string[] s_keys = [.. SndsCatalogue.DcirKeys];

    [Fact]
    public void Defects_EveryKindPlanted()
    {
        var kinds = Extract.Truth(extract.Directory, "defects").GroupBy(d => d.Str("kind")!).ToDictionary(g => g.Key, g => g.Count());

        foreach (var kind in (string[])["information_line", "regularisation", "public_hospital_duplicate", "error_ghm", "quality_flag",
                     "second_nir", "twin", "unknown_code", "out_of_range", "orphan_detail", "duplicate_key"])
        {
            Assert.True(kinds.GetValueOrDefault(kind) > 0, $"no {kind} defect");
        }
    }

    [Fact]
    public void Defects_DcirRowsCarryTheirDefect()
    {
        var defects = Extract.Truth(extract.Directory, "defects");
        var prs = Extract.Table(extract.Directory, "ER_PRS_F",
            [.. s_keys, "BEN_NIR_PSA", "EXE_SOI_DTD", "PRS_NAT_REF", "PRS_ACT_QTE", "DPN_QLF", "PRS_DPN_QLP", "PFS_EXE_NUM"]);
        var byRow = prs.ToDictionary(r => (r.File, r.Row));
        var keyCount = prs.GroupBy(r => (r.File, Key(r))).ToDictionary(g => g.Key, g => g.Count());
        var lines = prs.Where(r => r.Long("DPN_QLF") == 0)
            .Select(r => (r.Str("BEN_NIR_PSA"), r.Date("EXE_SOI_DTD"), r.Str("PFS_EXE_NUM"), r.Long("PRS_NAT_REF"), r.Double("PRS_ACT_QTE"))).ToHashSet();
        var nature = NomenclatureSet.Default.Get("IR_NAT_V");
        var pha = Extract.Table(extract.Directory, "ER_PHA_F", s_keys).ToDictionary(r => (r.File, r.Row));
        var ete = Extract.Table(extract.Directory, "ER_ETE_F", "ETE_IND_TAA").ToDictionary(r => (r.File, r.Row));

        foreach (var d in defects)
        {
            var at = (d.Str("file")!, d.Long("row")!.Value);
            switch (d.Str("kind"))
            {
                case "information_line":
                    var info = byRow[at];
                    Assert.Equal(71, info.Long("DPN_QLF"));
                    Assert.Equal(71, info.Long("PRS_DPN_QLP"));
                    Assert.True(lines.Contains((info.Str("BEN_NIR_PSA"), info.Date("EXE_SOI_DTD"), info.Str("PFS_EXE_NUM"), info.Long("PRS_NAT_REF"), info.Double("PRS_ACT_QTE"))), $"information line {at} repeats no line");
                    break;
                case "regularisation":
                    var negative = byRow[at];
                    Assert.True(negative.Double("PRS_ACT_QTE") < 0);
                    Assert.True(lines.Contains((negative.Str("BEN_NIR_PSA"), negative.Date("EXE_SOI_DTD"), negative.Str("PFS_EXE_NUM"), negative.Long("PRS_NAT_REF"), -negative.Double("PRS_ACT_QTE"))), $"regularisation {at} nets no line");
                    break;
                case "unknown_code":
                    Assert.False(nature.Contains(byRow[at].Long("PRS_NAT_REF")!.Value));
                    break;
                case "out_of_range":
                    Assert.True(byRow[at].Date("EXE_SOI_DTD") > byRow[at].Date("FLX_DIS_DTD"));
                    break;
                case "duplicate_key":
                    Assert.True(keyCount[(at.Item1, Key(byRow[at]))] >= 2);
                    break;
                case "orphan_detail":
                    Assert.False(keyCount.ContainsKey((at.Item1.Replace("ER_PHA_F", "ER_PRS_F", StringComparison.Ordinal), Key(pha[at]))));
                    break;
                case "public_hospital_duplicate":
                    Assert.Equal(1, ete[at].Long("ETE_IND_TAA"));
                    break;
                default:
                    break;
            }
        }

        // And the other way round: no information line, unknown code or negative quantity goes unrecorded.
        var recorded = defects.Select(d => (d.Str("file")!, d.Long("row")!.Value)).ToHashSet();
        Assert.All(prs.Where(r => r.Long("DPN_QLF") == 71 || r.Double("PRS_ACT_QTE") < 0 || !nature.Contains(r.Long("PRS_NAT_REF")!.Value)),
            r => Assert.True(recorded.Contains((r.File, r.Row)), $"unrecorded {r.File}:{r.Row}"));
    }

    [Fact]
    public void Defects_PmsiAndBeneficiaryRowsCarryTheirDefect()
    {
        var defects = Extract.Truth(extract.Directory, "defects");
        var b = Extract.Table(extract.Directory, "T_MCOaaB", "GRG_GHM").ToDictionary(r => (r.File, r.Row));
        var c = Extract.Table(extract.Directory, "T_MCOaaC", "NIR_RET", "SEJ_RET", "FHO_RET", "PMS_RET", "DAT_RET").ToDictionary(r => (r.File, r.Row));
        var ben = Extract.Table(extract.Directory, "IR_BEN_R", "BEN_NIR_PSA", "BEN_RNG_GEM", "BEN_IDT_ANO");
        var benByRow = ben.ToDictionary(r => r.Row);

        foreach (var d in defects)
        {
            var at = (d.Str("file")!, d.Long("row")!.Value);
            switch (d.Str("kind"))
            {
                case "error_ghm":
                    Assert.StartsWith("90", b[at].Str("GRG_GHM"), StringComparison.Ordinal);
                    break;
                case "quality_flag":
                    Assert.Contains(c[at][d.Str("column")!], (object[])[true, "1"]);
                    break;
                case "second_nir":
                    var person = benByRow[at.Item2].Str("BEN_IDT_ANO");
                    Assert.Equal(2, ben.Where(r => r.Str("BEN_IDT_ANO") == person).Select(r => r.Str("BEN_NIR_PSA")).Distinct().Count());
                    break;
                case "twin":
                    var twin = benByRow[at.Item2];
                    Assert.Equal(2, twin.Long("BEN_RNG_GEM"));
                    Assert.Contains(ben, r => r.Str("BEN_NIR_PSA") == twin.Str("BEN_NIR_PSA") && r.Long("BEN_RNG_GEM") == 1 && r.Str("BEN_IDT_ANO") != twin.Str("BEN_IDT_ANO"));
                    break;
                default:
                    break;
            }
        }

        var errors = b.Values.Count(r => r.Str("GRG_GHM")!.StartsWith("90", StringComparison.Ordinal));
        Assert.Equal(defects.Count(d => d.Str("kind") == "error_ghm"), errors);
    }

    private static string Key(ExtractRow r) => string.Join('|', s_keys.Select(k => r.Str(k)));
}
