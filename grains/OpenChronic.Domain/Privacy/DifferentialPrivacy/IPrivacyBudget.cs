namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Where a release is charged before it is computed: a cohort's ledger as seen by one consumer. An in-memory
/// <see cref="LedgerBudget"/> or, on the grid, the cohort's budget ledger grain.
/// </summary>
public interface IPrivacyBudget
{
    /// <summary>Charges the cost of <paramref name="query"/>; the release goes ahead only if accepted.</summary>
    ValueTask<LedgerDecision> ChargeAsync(string query, PrivacyCost cost, CancellationToken cancellationToken = default);
}
