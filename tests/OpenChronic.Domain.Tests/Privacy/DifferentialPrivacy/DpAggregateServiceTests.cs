using System.Collections.Immutable;
using System.Text;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class DpAggregateServiceTests
{
    private static readonly byte[] s_key = Encoding.UTF8.GetBytes("aggregate-test-selection-key");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DpAggregateService Service(ulong seed) => new(s_key, ChaCha20RandomBits.FromSeed(seed));

    private static MemberRow Row(string person, params string[] values) => new(person, [.. values]);

    private static LedgerBudget Budget(double limit = 10) => new(new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, limit, limit, 1e-3, 1e-3), "cohort", "alice");

    private static DpAggregateQuery Counts(double epsilon, int l0, ImmutableArray<ImmutableArray<string>>? keys = null) =>
        new("persons by region and condition", ["region", "condition"], new ContributionBounds(l0, 1), DpNoiseKind.Laplace, Epsilon: epsilon, ExplicitKeys: keys);

    [Fact]
    public async Task Release_SeveralRowsPerPerson_CountsDistinctPersonsWithinL0()
    {
        // p1 has 3 rows in one cell (counted once, L∞ = 1) and p2 has 3 cells with L0 = 2 (one is dropped).
        MemberRow[] rows =
        [
            Row("p1", "R11", "E11"), Row("p1", "R11", "E11"), Row("p1", "R11", "E11"),
            Row("p2", "R11", "I10"), Row("p2", "R84", "I10"), Row("p2", "R84", "E11"),
            Row("p3", "R84", "I10"),
        ];
        ImmutableArray<ImmutableArray<string>> keys = [["R11", "R84"], ["E11", "I10"]];

        // ε = 10^6: the noise is 0 with probability 1 − 2e^{−5·10^5}/(1 + e^{−5·10^5}), i.e. always.
        var result = await Service(1).ReleaseAsync(rows, Counts(1e6, 2, keys), Budget(1e7), Ct);

        Assert.True(result.Accepted);
        var table = result.Table!;
        Assert.Equal(4, table.Cells.Length);
        Assert.Equal(4, table.Cells.Sum(c => c.Count));
        Assert.Equal(1, table.Bounding.PersonsOverCellLimit);
        Assert.Equal(1, table.Bounding.DroppedPersonCells);
        Assert.Equal(1, table.Cells.Single(c => c.Values.SequenceEqual(["R11", "E11"])).Count);
        Assert.Equal(0, table.HalfWidth);
    }

    [Fact]
    public async Task Release_OverBudget_IsRefusedAndNothingIsComputed()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, 1, 1);
        var budget = new LedgerBudget(ledger, "cohort", "alice");
        ImmutableArray<ImmutableArray<string>> keys = [["R11"], ["E11"]];
        Assert.True((await Service(2).ReleaseAsync([Row("p1", "R11", "E11")], Counts(0.7, 1, keys), budget, Ct)).Accepted);

        var refused = await Service(2).ReleaseAsync([Row("p1", "R11", "E11")], Counts(0.7, 1, keys), budget, Ct);

        Assert.False(refused.Accepted);
        Assert.Null(refused.Table);
        Assert.Contains("over its limit 1", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0.7, ledger.CohortSpent("cohort"), 12);
    }

    [Fact]
    public async Task Release_KeysFromData_RareCellWithheldCommonCellReleased_CostsDelta()
    {
        var rows = Enumerable.Range(0, 500).Select(i => Row($"p{i}", "R11", "E11"))
            .Append(Row("lonely", "R94", "C50")).ToList();
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, 1, 1, 1e-5, 1e-5);

        var result = await Service(3).ReleaseAsync(rows, Counts(1, 1), new LedgerBudget(ledger, "cohort", "alice"), Ct);

        var table = result.Table!;
        Assert.Equal(15, table.Threshold);
        Assert.Equal(["R11", "E11"], table.Cells.Single().Values);
        Assert.InRange(table.Cells.Single().Count, 500 - 60, 500 + 60);
        Assert.Equal(PrivacyCost.Approximate(1, 1e-6), table.Cost);
        Assert.Equal(1.0, table.NoiseScale);
    }

    [Fact]
    public async Task Release_ExplicitKeys_IntervalsCoverTheTrueCountsAtTheirLevel()
    {
        // 40 × 50 = 2,000 cells with known counts; the 95 % intervals must cover at least 95 % of them, up to
        // 5 binomial standard errors (√(0.95·0.05/2000) ≈ 0.0049).
        var regions = Enumerable.Range(0, 40).Select(i => $"R{i:D2}").ToImmutableArray();
        var conditions = Enumerable.Range(0, 50).Select(i => $"C{i:D2}").ToImmutableArray();
        var rows = new List<MemberRow>();
        var truth = new Dictionary<(string, string), int>();
        var person = 0;
        foreach (var r in regions)
        {
            foreach (var c in conditions)
            {
                var n = (person / 7) % 13;
                truth[(r, c)] = n;
                for (var i = 0; i < n; i++)
                {
                    rows.Add(Row($"p{person}", r, c));
                    person++;
                }

                person++;
            }
        }

        var result = await Service(4).ReleaseAsync(rows, Counts(0.5, 1, [regions, conditions]), Budget(), Ct);

        var table = result.Table!;
        Assert.Equal(2_000, table.Cells.Length);
        Assert.Equal(new DiscreteLaplace(Rational.Of(2, 1)).ConfidenceHalfWidth(0.95), table.HalfWidth);
        var covered = table.Cells.Count(c => truth[(c.Values[0], c.Values[1])] is var t && c.Lower <= t && t <= c.Upper);
        Assert.True(covered / 2000.0 >= 0.95 - (5 * 0.0049), $"coverage {covered / 2000.0}");
        Assert.All(table.Cells, c => Assert.Equal(c.Upper - c.Lower, 2 * table.HalfWidth));
    }

    [Fact]
    public async Task Release_Gaussian_ChargesRhoOnAZeroConcentratedLedger()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ZeroConcentrated, 1, 1);
        var query = new DpAggregateQuery("gaussian", ["region"], new ContributionBounds(4, 1), DpNoiseKind.Gaussian, Rho: 0.5,
            ExplicitKeys: [["R11", "R84"]]);

        var result = await Service(5).ReleaseAsync([Row("p1", "R11")], query, new LedgerBudget(ledger, "cohort", "alice"), Ct);

        Assert.True(result.Accepted);
        Assert.Equal(0.5, ledger.CohortSpent("cohort"), 12);
        // σ² = L0·L∞²/(2ρ) = 4.
        Assert.Equal(2.0, result.Table!.NoiseScale, 12);
        Assert.Null(result.Table.Threshold);
    }

    [Fact]
    public void CostOf_GaussianWithKeysFromData_Throws() =>
        Assert.Throws<ArgumentException>(() => DpAggregateService.CostOf(
            new DpAggregateQuery("q", ["region"], new ContributionBounds(1, 1), DpNoiseKind.Gaussian, Rho: 0.5)));

    [Fact]
    public async Task Release_SameSeed_SameTable()
    {
        var rows = Enumerable.Range(0, 100).Select(i => Row($"p{i}", i % 2 == 0 ? "R11" : "R84", "E11")).ToList();
        var a = await Service(6).ReleaseAsync(rows, Counts(1, 1), Budget(), Ct);
        var b = await Service(6).ReleaseAsync(rows, Counts(1, 1), Budget(), Ct);
        Assert.Equal(a.Table!.Cells.Select(c => c.Count), b.Table!.Cells.Select(c => c.Count));
    }
}
