using OpenChronic.Domain.Privacy.DifferentialPrivacy;
using OpenChronic.Grains;

namespace OpenChronic.Api.Counts;

/// <summary>
/// A consumer's view of a cohort's <see cref="IBudgetLedgerGrain"/>: the ledger accounts in (ε, δ), so a zCDP
/// cost ρ is charged as ε = ρ + 2√(ρ ln(1/δ)) at the configured δ. Remembers the last decision for the answer.
/// </summary>
internal sealed class GrainPrivacyBudget(IBudgetLedgerGrain ledger, string consumer, double conversionDelta) : IPrivacyBudget
{
    public LedgerChargeDecision? Decision { get; private set; }

    /// <summary>The (ε, δ) that <paramref name="cost"/> is charged as.</summary>
    public static (double Epsilon, double Delta) Charged(PrivacyCost cost, double conversionDelta) =>
        cost.IsZeroConcentrated
            ? (PrivacyAccounting.ZeroConcentratedToEpsilon(cost.Rho, conversionDelta), conversionDelta)
            : (cost.Epsilon, cost.Delta);

    public async ValueTask<LedgerDecision> ChargeAsync(string query, PrivacyCost cost, CancellationToken cancellationToken = default)
    {
        var (epsilon, delta) = Charged(cost, conversionDelta);
        var decision = await ledger.ChargeAsync(new LedgerChargeRequest(consumer, query, epsilon, delta, 0)).ConfigureAwait(false);
        Decision = decision;
        return new LedgerDecision(decision.Accepted, decision.Reason, decision.Amount, decision.CohortRemaining, decision.ConsumerRemaining);
    }
}
