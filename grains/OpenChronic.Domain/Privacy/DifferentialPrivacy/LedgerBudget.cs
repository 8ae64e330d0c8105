namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>A consumer's view of a cohort in an in-memory <see cref="PrivacyBudgetLedger"/>.</summary>
public sealed class LedgerBudget(PrivacyBudgetLedger ledger, string cohortId, string consumerId) : IPrivacyBudget
{
    /// <inheritdoc />
    public ValueTask<LedgerDecision> ChargeAsync(string query, PrivacyCost cost, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        return ValueTask.FromResult(ledger.TryCharge(cohortId, consumerId, query, cost));
    }
}
