using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Analytics.Tests.Coordination;

public sealed class ContinuityIndicesTests
{
    // Date order: A, A, B, A, C (A and B GPs, C specialist); given out of order to test sorting.
    private static readonly Visit[] s_visits =
    [
        new("A", new DateOnly(2024, 4, 1), true),
        new("A", new DateOnly(2024, 1, 1), true),
        new("C", new DateOnly(2024, 5, 1), false),
        new("B", new DateOnly(2024, 3, 1), true),
        new("A", new DateOnly(2024, 2, 1), true),
    ];

    [Fact]
    public void Compute_MatchesHandComputation()
    {
        // N = 5, n = (3, 1, 1), Σn² = 11: COC = (11 − 5)/(5·4) = 0.3; HHI = 11/25 = 0.44; UPC(A) = 3/5 = 0.6;
        // SECON: pairs AA, AB, BA, AC → 1/4 = 0.25; MMCI (M = 3) = (1 − 3/5.1)/(1 − 1/5.1) = 0.5121951.
        var r = ContinuityIndices.Compute(s_visits, "A");
        Assert.Equal(5, r.Visits);
        Assert.Equal(0.3, r.BiceBoxerman, 12);
        Assert.Equal(0.44, r.Herfindahl, 12);
        Assert.Equal(0.6, r.UpcDeclaredGp, 12);
        Assert.Equal(0.6, r.UpcMostSeenGp, 12);
        Assert.Equal(0.25, r.Secon, 12);
        Assert.Equal(0.5121951, r.Mmci, 7);
        Assert.Equal(2, r.DistinctGps);
        Assert.Equal(1, r.DistinctSpecialists);
    }

    [Fact]
    public void Compute_DeclaredGpRarelySeen_UpcDiffersFromMostSeen()
    {
        // Declared B: 1/5 = 0.2; most-seen GP still A: 0.6; declared GP never seen: 0.
        Assert.Equal(0.2, ContinuityIndices.Compute(s_visits, "B").UpcDeclaredGp, 12);
        Assert.Equal(0, ContinuityIndices.Compute(s_visits, "Z").UpcDeclaredGp);
    }

    [Fact]
    public void Compute_SingleVisit_CocUndefined()
    {
        var r = ContinuityIndices.Compute([new Visit("A", new DateOnly(2024, 1, 1), true)], "A");
        Assert.True(double.IsNaN(r.BiceBoxerman));
        Assert.True(double.IsNaN(r.Secon));
        Assert.Equal(1, r.Herfindahl);
    }

    [Fact]
    public void CareDensity_IsMeanSharedPatientsOverPairs()
    {
        // Pairs AB = 4, AC = 2, BC = 0 → 6 / 3 = 2.
        var shared = new Dictionary<(string, string), long> { [("A", "B")] = 4, [("A", "C")] = 2 };
        long Lookup(string a, string b) => shared.GetValueOrDefault((a, b)) + shared.GetValueOrDefault((b, a));
        Assert.Equal(2, CareDensity.Compute(["C", "A", "B", "A"], Lookup), 12);
    }

    [Fact]
    public void Compute_NoVisits_ReturnsUndefinedIndices()
    {
        var r = ContinuityIndices.Compute([], "A");
        Assert.Equal(0, r.Visits);
        Assert.True(double.IsNaN(r.UpcDeclaredGp));
    }
}
