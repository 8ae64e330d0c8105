using OpenChronic.Domain.Snds;

namespace OpenChronic.Synthetic.Tests;

/// <summary>The planted epidemiology is really in the tables: ALD prevalence, onset → ALD lag, true risks.</summary>
[Collection(ExtractCollection.Name)]
public sealed class EpidemiologyTests(ExtractFixture extract)
{
    private static readonly DateOnly s_midYear = new(2019, 7, 1);

    [Fact]
    public void AldPrevalence_AdultsMid2019_NearFrenchLevel()
    {
        var ben = Extract.Table(extract.Directory, "IR_BEN_R", "BEN_NIR_PSA", "BEN_RNG_GEM", "BEN_IDT_ANO", "BEN_NAI_ANN", "BEN_DCD_DTE");
        var imb = Extract.Table(extract.Directory, "IR_IMB_R", "BEN_NIR_PSA", "BEN_RNG_GEM", "IMB_ALD_DTD", "IMB_ALD_DTF");
        var person = ben.ToDictionary(b => (b.Str("BEN_NIR_PSA"), b.Long("BEN_RNG_GEM")), b => b.Str("BEN_IDT_ANO"));
        var adults = ben
            .Where(b => 2019 - b.Long("BEN_NAI_ANN") > 18 && (b.Date("BEN_DCD_DTE") is not { } d || d > s_midYear))
            .Select(b => b.Str("BEN_IDT_ANO")).ToHashSet();
        var inAld = imb
            .Where(r => r.Date("IMB_ALD_DTD") <= s_midYear && (r.Date("IMB_ALD_DTF")!.Value.Year < 1700 || r.Date("IMB_ALD_DTF") > s_midYear))
            .Select(r => person[(r.Str("BEN_NIR_PSA"), r.Long("BEN_RNG_GEM"))])
            .Where(adults.Contains).ToHashSet();

        var all = ben.Select(b => b.Str("BEN_IDT_ANO")).Distinct().Count();
        var prevalence = (double)inAld.Count / adults.Count;
        Assert.Equal(ExtractFixture.Persons, all);
        Assert.InRange(prevalence, 0.15, 0.28);
    }

    [Fact]
    public void Deaths_NearFrenchMortality_AndConsistentAcrossTables()
    {
        var deaths = Extract.Table(extract.Directory, "KI_CCI_R", "BEN_IDT_ANO", "BEN_DCD_DTE");
        var ben = Extract.Table(extract.Directory, "IR_BEN_R", "BEN_IDT_ANO", "BEN_DCD_DTE")
            .Where(b => b.Date("BEN_DCD_DTE") is not null).ToLookup(b => b.Str("BEN_IDT_ANO")!, b => b.Date("BEN_DCD_DTE"));

        // About 0.9 % of the French population dies each year.
        Assert.InRange(deaths.Count / (2.0 * ExtractFixture.Persons), 0.006, 0.014);
        Assert.All(deaths, d => Assert.Contains(d.Date("BEN_DCD_DTE"), ben[d.Str("BEN_IDT_ANO")!]));
    }

    [Fact]
    public void AldRegistration_FollowsOnsetWithPlantedLag()
    {
        var persons = Extract.Truth(extract.Directory, "persons");
        var second = persons.Where(p => p.Str("second_BEN_NIR_PSA") is not null).ToDictionary(p => p.Str("second_BEN_NIR_PSA")!, p => p.Str("BEN_IDT_ANO"));
        var byNir = persons.GroupBy(p => p.Str("BEN_NIR_PSA")!).ToDictionary(g => g.Key, g => g.Select(p => p.Str("BEN_IDT_ANO")).ToList());
        var imb = Extract.Table(extract.Directory, "IR_IMB_R", "BEN_NIR_PSA", "BEN_RNG_GEM", "IMB_ALD_DTD", "IMB_ALD_NUM", "MED_MTF_COD", "IMB_ETM_NAT");
        var onsets = Extract.Truth(extract.Directory, "conditions")
            .Where(c => c["prevalent_at_start"] is false)
            .ToDictionary(c => (c.Str("BEN_IDT_ANO"), c.Long("ald")), c => c.Date("onset_date")!.Value);

        var cim = NomenclatureSet.Default.Get("IR_CIM_V");
        var lags = new List<int>();
        foreach (var r in imb)
        {
            Assert.Equal(41, r.Long("IMB_ETM_NAT"));
            Assert.Equal(r.Long("IMB_ALD_NUM")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), cim.Value(r.Str("MED_MTF_COD")!, "ALD_030_COD"));
            var nir = r.Str("BEN_NIR_PSA")!;
            var candidates = second.TryGetValue(nir, out var s) ? [s] : byNir[nir];
            var id = candidates[(int)r.Long("BEN_RNG_GEM")!.Value - 1];
            if (onsets.TryGetValue((id, r.Long("IMB_ALD_NUM")), out var onset))
            {
                lags.Add(r.Date("IMB_ALD_DTD")!.Value.DayNumber - onset.DayNumber);
            }
        }

        lags.Sort();
        Assert.True(lags.Count > 50, $"only {lags.Count} incident registrations");
        Assert.All(lags, l => Assert.InRange(l, 0, 3 * 365));
        var median = lags[lags.Count / 2];
        Assert.InRange(median, 30, 200);
    }

    [Fact]
    public void TrueRisk_PersonYearsThatEnteredHadHigherRisk_AndRisksAreCalibrated()
    {
        var risks = Extract.Truth(extract.Directory, "ald_risk");
        var entered = risks.Where(r => r["entered"] is true).ToList();
        var others = risks.Where(r => r["entered"] is false).ToList();
        var expected = risks.Sum(r => r.Double("risk")!.Value);

        Assert.All(risks, r => Assert.InRange(r.Double("risk")!.Value, 0.0, 1.0));
        Assert.True(entered.Average(r => r.Double("risk")!.Value) > 5 * others.Average(r => r.Double("risk")!.Value));
        Assert.InRange(entered.Count / expected, 0.6, 1.5);
    }
}
