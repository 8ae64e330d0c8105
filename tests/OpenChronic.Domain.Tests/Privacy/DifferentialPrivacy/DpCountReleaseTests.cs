using System.Text;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class DpCountReleaseTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("release-test-selection-key");

    private static BoundedContributions Bounded(int l0, params (string Person, string Cell)[] rows) =>
        new ContributionBounder(s_key, new ContributionBounds(l0, 1))
            .Bound(rows.Select(r => new ContributionRow(r.Person, r.Cell, 1)));

    [Fact]
    public void WithExplicitKeys_EveryListedKeyReleasedEvenZero_UnlistedCounted()
    {
        var data = Bounded(1, ("p1", "E10"), ("p2", "E10"), ("p3", "Z99"));
        var noise = new DiscreteLaplace(Rational.Of(1, 1));

        var release = DpCountRelease.WithExplicitKeys(data, ["E11", "E10", "I10"], noise, ChaCha20RandomBits.FromSeed(1));

        Assert.Equal(["E10", "E11", "I10"], release.Counts.Select(c => c.Key));
        Assert.Equal(1, release.UnlistedCells);
        Assert.Null(release.Threshold);
        Assert.Equal(noise.ConfidenceHalfWidth(0.95), release.HalfWidth);
    }

    [Fact]
    public void WithExplicitKeys_ManyReleases_NoisyMinusTrueHasTheNoiseVariance()
    {
        var data = Bounded(1, ("p1", "A"), ("p2", "A"), ("p3", "A"));
        var noise = new DiscreteLaplace(Rational.Of(2, 1));
        var bits = ChaCha20RandomBits.FromSeed(3);
        const int N = 20_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < N; i++)
        {
            var error = DpCountRelease.WithExplicitKeys(data, ["A"], noise, bits).Counts[0].Value - 3;
            sum += error;
            squares += error * error;
        }

        // Var(X) ≈ 8.17 for t = 2; the mean error is within 5 standard errors of 0.
        Assert.InRange(sum / N, -5 * Math.Sqrt(noise.Variance / N), 5 * Math.Sqrt(noise.Variance / N));
        Assert.InRange(squares / N, noise.Variance * 0.9, noise.Variance * 1.1);
    }

    [Fact]
    public void LaplaceThreshold_HandComputed_MatchesFormula()
    {
        // ε = 1, L0 = 1, L∞ = 1: t = 1, p = e^-1. δ' = δ = 1e-6. m = ⌈ln(1e-6·(1 + e^-1))/ln(e^-1)⌉ = ⌈13.5023⌉ = 14.
        var noise = DiscreteLaplace.ForEpsilon(Rational.Of(1, 1), 1);
        var bounds = new ContributionBounds(1, 1);

        Assert.Equal(15, PartitionSelection.LaplaceThreshold(noise, 1e-6, bounds));
    }

    [Fact]
    public void LaplaceThreshold_SinglePersonKey_ReleasedWithProbabilityAtMostPerKeyDelta()
    {
        // L0 = 3, ε = 2: t = 3/2. A key held by one person has total 1; P(1 + X ≥ τ) must be ≤ 1 − (1 − δ)^(1/3).
        var bounds = new ContributionBounds(3, 1);
        var noise = DiscreteLaplace.ForEpsilon(Rational.Of(2, 1), bounds.L1Sensitivity);
        const double Delta = 1e-3;
        var tau = PartitionSelection.LaplaceThreshold(noise, Delta, bounds);
        var perKey = 1 - Math.Pow(1 - Delta, 1.0 / 3);

        var releasedTail = PartitionSelection.UpperTail(noise.Ratio, tau - 1);
        var oneLowerTail = PartitionSelection.UpperTail(noise.Ratio, tau - 2);
        Assert.True(releasedTail <= perKey && oneLowerTail > perKey, $"τ = {tau}");

        var bits = ChaCha20RandomBits.FromSeed(9);
        var released = 0;
        const int N = 200_000;
        for (var i = 0; i < N; i++)
        {
            released += 1 + noise.Sample(bits) >= tau ? 1 : 0;
        }

        Assert.InRange(released / (double)N, 0, releasedTail + (5 * Math.Sqrt(releasedTail / N)));
    }

    [Fact]
    public void WithThreshold_LargeCellsKept_SingletonCellsDropped()
    {
        var rows = Enumerable.Range(0, 500).Select(i => ("big" + i, "PATHWAY-COMMON"))
            .Concat(Enumerable.Range(0, 30).Select(i => ("rare" + i, "PATHWAY-RARE-" + i)))
            .ToArray();
        var data = Bounded(1, rows);

        var release = DpCountRelease.WithThreshold(data, Rational.Of(1, 1), 1e-6, ChaCha20RandomBits.FromSeed(2));

        Assert.Equal(["PATHWAY-COMMON"], release.Counts.Select(c => c.Key));
        Assert.Equal(15, release.Threshold);
    }
}
