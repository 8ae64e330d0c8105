namespace OpenChronic.Grains.Tests.Privacy;

[Collection(ClusterCollection.Name)]
public sealed class BudgetLedgerGrainTests(ClusterFixture fixture)
{
    private static readonly LedgerLimits s_limits = new(false, CohortLimit: 1.0, ConsumerLimit: 0.6, CohortDeltaLimit: 1e-5, ConsumerDeltaLimit: 1e-5);

    private IBudgetLedgerGrain NewLedger() => fixture.Grains.GetGrain<IBudgetLedgerGrain>("cohort-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Charge_NotConfigured_IsRefusedWithReason()
    {
        var decision = await NewLedger().ChargeAsync(new LedgerChargeRequest("alice", "counts", 0.1, 0, 0));
        Assert.False(decision.Accepted);
        Assert.Contains("no budget configured", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charge_OverConsumerThenCohortBudget_IsRefusedWithReason()
    {
        var ledger = NewLedger();
        Assert.Equal("configured", (await ledger.ConfigureAsync(s_limits)).Message);
        Assert.True((await ledger.ChargeAsync(new LedgerChargeRequest("alice", "q1", 0.5, 0, 0))).Accepted);

        var overConsumer = await ledger.ChargeAsync(new LedgerChargeRequest("alice", "q2", 0.2, 0, 0));
        Assert.False(overConsumer.Accepted);
        Assert.Contains("consumer 'alice'", overConsumer.Reason, StringComparison.Ordinal);

        Assert.True((await ledger.ChargeAsync(new LedgerChargeRequest("bob", "q3", 0.5, 0, 0))).Accepted);
        var overCohort = await ledger.ChargeAsync(new LedgerChargeRequest("carol", "q4", 0.1, 0, 0));
        Assert.False(overCohort.Accepted);
        Assert.Contains("over its limit 1", overCohort.Reason, StringComparison.Ordinal);
        Assert.Equal(2, (await ledger.GetStatusAsync()).Charges);
    }

    [Fact]
    public async Task Configure_OtherLimitsAfterwards_IsRefused()
    {
        var ledger = NewLedger();
        await ledger.ConfigureAsync(s_limits);
        Assert.Equal("already configured with these limits", (await ledger.ConfigureAsync(s_limits)).Message);
        var raised = await ledger.ConfigureAsync(s_limits with { CohortLimit = 10 });
        Assert.StartsWith("refused", raised.Message, StringComparison.Ordinal);
        Assert.Equal(1.0, raised.Limits!.CohortLimit);
    }

    [Fact]
    public async Task Charges_SurviveDeactivation_AndStillCountAgainstTheBudget()
    {
        var cohort = "cohort-" + Guid.NewGuid().ToString("N");
        var ledger = fixture.Grains.GetGrain<IBudgetLedgerGrain>(cohort);
        await ledger.ConfigureAsync(s_limits);
        Assert.True((await ledger.ChargeAsync(new LedgerChargeRequest("alice", "q1", 0.4, 1e-6, 0))).Accepted);
        Assert.True((await ledger.ChargeAsync(new LedgerChargeRequest("bob", "q2", 0.4, 0, 0))).Accepted);
        await fixture.Cluster.DeactivateAsync(ledger);

        var again = fixture.Grains.GetGrain<IBudgetLedgerGrain>(cohort);
        var status = await again.GetStatusAsync();
        Assert.Equal(2, status.Charges);
        Assert.Equal(0.8, status.CohortSpent, 12);
        Assert.Equal(0.4, status.ConsumerSpent["alice"], 12);

        // 0.8 + 0.3 > 1: the reloaded ledger remembers what was spent before the deactivation.
        var refused = await again.ChargeAsync(new LedgerChargeRequest("carol", "q3", 0.3, 0, 0));
        Assert.False(refused.Accepted);
        Assert.Contains("would reach ε = 1.1", refused.Reason, StringComparison.Ordinal);
        Assert.True((await again.ChargeAsync(new LedgerChargeRequest("carol", "q4", 0.2, 0, 0))).Accepted);
    }

    [Fact]
    public async Task Charge_ZeroConcentratedLedger_AddsRhoAndConvertsPureCosts()
    {
        var ledger = NewLedger();
        await ledger.ConfigureAsync(new LedgerLimits(true, 0.5, 0.5, 0, 0));
        Assert.True((await ledger.ChargeAsync(new LedgerChargeRequest("alice", "gaussian", 0, 0, 0.3))).Accepted);
        var pure = await ledger.ChargeAsync(new LedgerChargeRequest("alice", "laplace", 0.6, 0, 0));
        Assert.True(pure.Accepted);
        Assert.Equal(0.18, pure.Amount, 12);
        var approximate = await ledger.ChargeAsync(new LedgerChargeRequest("alice", "thresholded", 0.1, 1e-6, 0));
        Assert.False(approximate.Accepted);
        Assert.Contains("no ρ equivalent", approximate.Reason, StringComparison.Ordinal);
    }
}
