namespace OpenChronic.Synthetic.Tests;

/// <summary>PRS_MTT_NUM carries the planted declared GP on the person's claim lines, empty for most children and some adults.</summary>
[Collection(ExtractCollection.Name)]
public sealed class DeclaredGpTests(ExtractFixture extract)
{
    [Fact]
    public void ClaimLines_DeclaredGp_IsThePlantedGpOrEmpty_WithRealisticShares()
    {
        var persons = Extract.Truth(extract.Directory, "persons")
            .Where(p => p.Str("second_BEN_NIR_PSA") is null && p.Long("BEN_RNG_GEM") == 1)
            .ToDictionary(p => p.Str("BEN_NIR_PSA")!);
        var lines = Extract.Table(extract.Directory, "ER_PRS_F", "BEN_NIR_PSA", "BEN_RNG_GEM", "BEN_AMA_COD", "PRS_MTT_NUM")
            .Where(r => r.Long("BEN_RNG_GEM") == 1 && persons.ContainsKey(r.Str("BEN_NIR_PSA")!))
            .ToList();

        var filled = lines.Where(r => !string.IsNullOrEmpty(r.Str("PRS_MTT_NUM"))).ToList();
        Assert.NotEmpty(filled);
        Assert.All(filled, r => Assert.Equal(persons[r.Str("BEN_NIR_PSA")!].Str("declared_gp"), r.Str("PRS_MTT_NUM")));
        Assert.All(filled, r => Assert.Equal(9, r.Str("PRS_MTT_NUM")!.Length));

        // Per person: declared on every adult line or on none (the declaration is a fixed per-person draw).
        var adults = lines.Where(r => r.Long("BEN_AMA_COD") is >= 16 and < 1000).GroupBy(r => r.Str("BEN_NIR_PSA")!).ToList();
        var declaredAdults = adults.Count(g => g.All(r => !string.IsNullOrEmpty(r.Str("PRS_MTT_NUM"))));
        var undeclaredAdults = adults.Count(g => g.All(r => string.IsNullOrEmpty(r.Str("PRS_MTT_NUM"))));
        Assert.Equal(adults.Count, declaredAdults + undeclaredAdults);
        Assert.InRange(declaredAdults / (double)adults.Count, 0.85, 0.95);

        var children = lines.Where(r => r.Long("BEN_AMA_COD") is < 16 or >= 1000).GroupBy(r => r.Str("BEN_NIR_PSA")!).ToList();
        var declaredChildren = children.Count(g => g.Any(r => !string.IsNullOrEmpty(r.Str("PRS_MTT_NUM"))));
        Assert.True(children.Count >= 100, $"{children.Count} children");
        Assert.InRange(declaredChildren / (double)children.Count, 0.2, 0.4);
    }
}
