using System.Text.Json;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class PrivacyBudgetLedgerTests
{
    [Fact]
    public void TryCharge_TenTenthsFitBudgetOfOne_EleventhRefused()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, cohortLimit: 1.0, consumerLimit: 1.0);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(ledger.TryCharge("diabetes", "drees", "q" + i, PrivacyCost.Pure(0.1)).Accepted);
        }

        var refused = ledger.TryCharge("diabetes", "drees", "q10", PrivacyCost.Pure(0.1));

        Assert.False(refused.Accepted);
        Assert.Contains("cohort 'diabetes'", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1.0, ledger.CohortSpent("diabetes"), 12);
    }

    [Fact]
    public void TryCharge_ConsumerOverItsShare_RefusedWhileOtherConsumerAccepted()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, cohortLimit: 2.0, consumerLimit: 1.0);
        Assert.True(ledger.TryCharge("c1", "alice", "a", PrivacyCost.Pure(0.75)).Accepted);

        var refused = ledger.TryCharge("c1", "alice", "b", PrivacyCost.Pure(0.5));
        var accepted = ledger.TryCharge("c1", "bob", "b", PrivacyCost.Pure(0.5));

        Assert.False(refused.Accepted);
        Assert.Contains("consumer 'alice'", refused.Reason, StringComparison.Ordinal);
        Assert.True(accepted.Accepted);
        Assert.Equal(0.75, accepted.CohortRemaining, 12);
        Assert.Equal(0.5, accepted.ConsumerRemaining, 12);
    }

    [Fact]
    public void TryCharge_DeltaOverLimit_Refused()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ApproximateDp, 10, 10, cohortDeltaLimit: 1e-6, consumerDeltaLimit: 1e-6);
        Assert.True(ledger.TryCharge("c", "u", "a", PrivacyCost.Approximate(1, 6e-7)).Accepted);

        var refused = ledger.TryCharge("c", "u", "b", PrivacyCost.Approximate(1, 6e-7));

        Assert.False(refused.Accepted);
        Assert.Contains("δ", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCharge_ZcdpLedger_PureCostChargedAsHalfEpsilonSquared_ApproximateRefused()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ZeroConcentrated, cohortLimit: 0.5, consumerLimit: 0.5);

        var pure = ledger.TryCharge("c", "u", "laplace", PrivacyCost.Pure(0.6));
        var gaussian = ledger.TryCharge("c", "u", "gauss", PrivacyCost.ZeroConcentrated(0.25));
        var approximate = ledger.TryCharge("c", "u", "thresholded", PrivacyCost.Approximate(0.1, 1e-9));
        var over = ledger.TryCharge("c", "u", "gauss2", PrivacyCost.ZeroConcentrated(0.1));

        Assert.Equal(0.18, pure.Amount, 12);
        Assert.True(gaussian.Accepted);
        Assert.False(approximate.Accepted);
        Assert.Contains("no ρ equivalent", approximate.Reason, StringComparison.Ordinal);
        Assert.False(over.Accepted);
        Assert.Equal(0.43, ledger.CohortSpent("c"), 12);
    }

    [Fact]
    public void FromState_AfterJsonRoundTrip_RefusesTheSameOverBudgetQuery()
    {
        var ledger = new PrivacyBudgetLedger(PrivacyMeasure.ZeroConcentrated, cohortLimit: 1.0, consumerLimit: 0.6);
        Assert.True(ledger.TryCharge("asthma", "inserm", "q1", PrivacyCost.ZeroConcentrated(0.4)).Accepted);
        Assert.True(ledger.TryCharge("asthma", "cnam", "q2", PrivacyCost.ZeroConcentrated(0.5)).Accepted);
        var overBudget = PrivacyCost.ZeroConcentrated(0.2);
        var original = ledger.TryCharge("asthma", "inserm", "q3", overBudget);

        var json = JsonSerializer.Serialize(ledger.ToState());
        var state = JsonSerializer.Deserialize<PrivacyLedgerState>(json)!;
        var rebuilt = PrivacyBudgetLedger.FromState(state);
        var again = rebuilt.TryCharge("asthma", "inserm", "q3", overBudget);

        Assert.False(original.Accepted);
        Assert.False(again.Accepted);
        Assert.Equal(original.Reason, again.Reason);
        Assert.Equal(0.9, rebuilt.CohortSpent("asthma"), 12);
        Assert.Equal(0.4, rebuilt.ConsumerSpent("asthma", "inserm"), 12);
        Assert.True(rebuilt.TryCharge("asthma", "inserm", "q4", PrivacyCost.ZeroConcentrated(0.1)).Accepted);
    }
}
