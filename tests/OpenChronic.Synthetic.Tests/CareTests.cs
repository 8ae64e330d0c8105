namespace OpenChronic.Synthetic.Tests;

/// <summary>Latent care traits of the truth show in the claims: GP continuity, readmissions.</summary>
[Collection(ExtractCollection.Name)]
public sealed class CareTests(ExtractFixture extract)
{
    [Fact]
    public void GpVisits_ShareWithDeclaredGpFollowsLatentContinuity()
    {
        var persons = Extract.Truth(extract.Directory, "persons")
            .Where(p => p.Str("second_BEN_NIR_PSA") is null && p.Long("BEN_RNG_GEM") == 1)
            .ToDictionary(p => p.Str("BEN_NIR_PSA")!);
        var visits = Extract.Table(extract.Directory, "ER_PRS_F", "BEN_NIR_PSA", "BEN_RNG_GEM", "PRS_NAT_REF", "PFS_EXE_NUM", "DPN_QLF")
            .Where(r => r.Long("PRS_NAT_REF") == 1110 && r.Long("DPN_QLF") == 0 && r.Long("BEN_RNG_GEM") == 1)
            .GroupBy(r => r.Str("BEN_NIR_PSA")!)
            .Where(g => g.Count() >= 6 && persons.ContainsKey(g.Key))
            .Select(g => (Continuity: persons[g.Key].Double("continuity")!.Value,
                Share: g.Count(v => v.Str("PFS_EXE_NUM") == persons[g.Key].Str("declared_gp")) / (double)g.Count()))
            .ToList();

        var low = visits.Where(v => v.Continuity < 0.7).ToList();
        var high = visits.Where(v => v.Continuity > 0.9).ToList();
        Assert.True(low.Count >= 30 && high.Count >= 30, $"{low.Count} low, {high.Count} high");
        Assert.True(high.Average(v => v.Share) > low.Average(v => v.Share) + 0.15,
            $"declared-GP share {high.Average(v => v.Share):F2} (continuity > 0.9) vs {low.Average(v => v.Share):F2} (< 0.7)");
    }

    [Fact]
    public void HeartFailureStays_ReadmittedWithin30DaysNearPlantedRate()
    {
        var c = Extract.Table(extract.Directory, "T_MCOaaC", "ETA_NUM", "RSA_NUM", "NIR_ANO_17", "ENT_DAT", "SOR_DAT");
        var heartFailure = Extract.Table(extract.Directory, "T_MCOaaB", "ETA_NUM", "RSA_NUM", "DGN_PAL", "SOR_MOD")
            .Where(b => b.Str("DGN_PAL")!.StartsWith("I50", StringComparison.Ordinal))
            .ToDictionary(b => (b.File[5..7], b.Str("ETA_NUM"), b.Str("RSA_NUM")), b => b.Str("SOR_MOD"));
        var stays = c.Where(s => heartFailure.ContainsKey((s.File[5..7], s.Str("ETA_NUM"), s.Str("RSA_NUM"))))
            .Select(s => (Nir: s.Str("NIR_ANO_17")!, Entry: s.Date("ENT_DAT")!.Value, Exit: s.Date("SOR_DAT")!.Value,
                Died: heartFailure[(s.File[5..7], s.Str("ETA_NUM"), s.Str("RSA_NUM"))] == "9"))
            .ToLookup(s => s.Nir);

        var discharges = stays.SelectMany(g => g).Where(s => !s.Died && s.Exit < new DateOnly(2020, 12, 1)).ToList();
        var readmitted = discharges.Count(d => stays[d.Nir].Any(o => o.Entry > d.Exit && o.Entry.DayNumber - d.Exit.DayNumber <= 30));

        // Planted: 15 % × département and hospital multipliers, plus unplanned heart-failure stays that fall within 30 days.
        Assert.True(discharges.Count >= 30, $"{discharges.Count} discharges");
        Assert.InRange(readmitted / (double)discharges.Count, 0.08, 0.4);
    }
}
