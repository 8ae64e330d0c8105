using OpenChronic.Domain.Snds;

namespace OpenChronic.Synthetic.Tests;

/// <summary>Planted variation and pre-onset signals, measured from the tables.</summary>
[Collection(ExtractCollection.Name)]
public sealed class VariationTests(ExtractFixture extract)
{
    private static readonly string[] s_keys = [.. SndsCatalogue.DcirKeys];

    [Fact]
    public void OutlierDepartement_DiabeticsGetFewerHbA1cTests()
    {
        var outlier = Extract.Truth(extract.Directory, "outliers").Single(o => o.Str("indicator") == "hba1c_monitoring_rate").Str("id");
        var ben = Extract.Table(extract.Directory, "IR_BEN_R", "BEN_NIR_PSA", "BEN_RNG_GEM", "BEN_RES_DPT");
        var dept = ben.ToDictionary(b => (b.Str("BEN_NIR_PSA"), b.Long("BEN_RNG_GEM")), b => b.Str("BEN_RES_DPT"));
        var diabetics = Extract.Table(extract.Directory, "IR_IMB_R", "BEN_NIR_PSA", "BEN_RNG_GEM", "IMB_ALD_NUM", "IMB_ALD_DTD")
            .Where(r => r.Long("IMB_ALD_NUM") == 8 && r.Date("IMB_ALD_DTD") < new DateOnly(2019, 1, 1))
            .Select(r => (r.Str("BEN_NIR_PSA"), r.Long("BEN_RNG_GEM"))).ToHashSet();
        var tests = HbA1cTestsByPatient();

        double Rate(bool inOutlier)
        {
            var group = diabetics.Where(p => (dept[p] == outlier) == inOutlier).ToList();
            Assert.True(group.Count >= 8, $"{group.Count} diabetics (outlier: {inOutlier})");
            return group.Average(p => tests.GetValueOrDefault(p)) / 2.0;
        }

        var outlierRate = Rate(true);
        var others = Rate(false);
        Assert.InRange(others, 1.5, 4.0);
        Assert.True(outlierRate < 0.6 * others, $"HbA1c per diabetic-year: {outlierRate:F2} in {outlier} vs {others:F2} elsewhere");
    }

    [Fact]
    public void HeartFailureDischarge_FollowedByGpVisitWithinSevenDaysAtPlantedRate()
    {
        var c = Extract.Table(extract.Directory, "T_MCOaaC", "ETA_NUM", "RSA_NUM", "NIR_ANO_17", "SOR_DAT");
        var heartFailure = Extract.Table(extract.Directory, "T_MCOaaB", "ETA_NUM", "RSA_NUM", "DGN_PAL", "SOR_MOD")
            .Where(b => b.Str("DGN_PAL")!.StartsWith("I50", StringComparison.Ordinal) && b.Str("SOR_MOD") != "9")
            .Select(b => (b.File[5..7], b.Str("ETA_NUM"), b.Str("RSA_NUM"))).ToHashSet();
        var discharges = c.Where(s => heartFailure.Contains((s.File[5..7], s.Str("ETA_NUM"), s.Str("RSA_NUM"))))
            .Select(s => (Nir: s.Str("NIR_ANO_17")!, Day: s.Date("SOR_DAT")!.Value))
            .Where(s => s.Day < new DateOnly(2020, 12, 20)).ToList();
        var gpVisits = Extract.Table(extract.Directory, "ER_PRS_F", "BEN_NIR_PSA", "EXE_SOI_DTD", "PRS_NAT_REF", "DPN_QLF")
            .Where(r => r.Long("PRS_NAT_REF") == 1110 && r.Long("DPN_QLF") == 0)
            .ToLookup(r => r.Str("BEN_NIR_PSA")!, r => r.Date("EXE_SOI_DTD")!.Value);

        var followed = discharges.Count(d => gpVisits[d.Nir].Any(v => v > d.Day && v.DayNumber - d.Day.DayNumber <= 7));
        Assert.True(discharges.Count >= 30, $"{discharges.Count} heart-failure discharges");
        Assert.InRange(followed / (double)discharges.Count, 0.4, 0.85);
    }

    [Fact]
    public void DiabetesOnset_AnnouncedByGlycaemiaTests()
    {
        var persons = Extract.Truth(extract.Directory, "persons");
        var nirOf = persons.ToDictionary(p => p.Str("BEN_IDT_ANO")!, p => p.Str("BEN_NIR_PSA")!);
        var onsets = Extract.Truth(extract.Directory, "conditions")
            .Where(c => c.Long("ald") == 8 && c["prevalent_at_start"] is false && c.Date("onset_date") >= new DateOnly(2019, 10, 1))
            .Select(c => (Nir: nirOf[c.Str("BEN_IDT_ANO")!], Onset: c.Date("onset_date")!.Value)).ToList();
        var everDiabetic = Extract.Truth(extract.Directory, "conditions").Where(c => c.Long("ald") == 8)
            .Select(c => nirOf[c.Str("BEN_IDT_ANO")!]).ToHashSet();
        var glucose = GlucoseTests();

        // Tests per person in the 270 days before onset, against any 270 days of adults who never get diabetes.
        var before = onsets.Average(o => glucose[o.Nir].Count(d => d < o.Onset && o.Onset.DayNumber - d.DayNumber <= 270));
        var adults = persons.Where(p => p.Long("birth_year") < 1980 && !everDiabetic.Contains(p.Str("BEN_NIR_PSA")!)).ToList();
        var baseline = adults.Average(p => glucose[p.Str("BEN_NIR_PSA")!].Count(d => d.Year == 2020)) * 270 / 366;

        Assert.True(onsets.Count >= 10, $"{onsets.Count} diabetes onsets");
        Assert.True(before > 2 * baseline, $"glycaemia tests before onset {before:F2} vs baseline {baseline:F2}");
    }

    private Dictionary<(string?, long?), int> HbA1cTestsByPatient()
    {
        var result = new Dictionary<(string?, long?), int>();
        foreach (var (prs, bio) in ClaimsWithBiology())
        {
            if (bio.Long("BIO_PRS_IDE") == 1577)
            {
                var p = (prs.Str("BEN_NIR_PSA"), prs.Long("BEN_RNG_GEM"));
                result[p] = result.GetValueOrDefault(p) + 1;
            }
        }

        return result;
    }

    private ILookup<string, DateOnly> GlucoseTests() =>
        ClaimsWithBiology().Where(x => x.Bio.Long("BIO_PRS_IDE") == 552)
            .ToLookup(x => x.Prs.Str("BEN_NIR_PSA")!, x => x.Prs.Date("EXE_SOI_DTD")!.Value);

    private IEnumerable<(ExtractRow Prs, ExtractRow Bio)> ClaimsWithBiology()
    {
        foreach (var file in Extract.Files(extract.Directory, "ER_PRS_F"))
        {
            var prs = Extract.File(file, SndsCatalogue.Default["ER_PRS_F"], [.. s_keys, "BEN_NIR_PSA", "BEN_RNG_GEM", "EXE_SOI_DTD"])
                .GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
            var bioFile = file.Replace("ER_PRS_F", "ER_BIO_F", StringComparison.Ordinal);
            foreach (var bio in Extract.File(bioFile, SndsCatalogue.Default["ER_BIO_F"], [.. s_keys, "BIO_PRS_IDE"]))
            {
                yield return (prs[Key(bio)], bio);
            }
        }
    }

    private static string Key(ExtractRow r) => string.Join('|', s_keys.Select(k => r.Str(k)));
}
