using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// The persistable state of a <see cref="PrivacyBudgetLedger"/>: its measure, its limits and every charge
/// accepted so far. A plain record, so that a grain can store it and rebuild the ledger from it.
/// </summary>
/// <param name="Measure">What the amounts are: ε (with δ alongside) or ρ.</param>
/// <param name="CohortLimit">Total ε or ρ allowed on one cohort, over all consumers.</param>
/// <param name="CohortDeltaLimit">Total δ allowed on one cohort (ε ledgers only; 0 forbids δ).</param>
/// <param name="ConsumerLimit">ε or ρ allowed to one consumer on one cohort.</param>
/// <param name="ConsumerDeltaLimit">δ allowed to one consumer on one cohort.</param>
/// <param name="Charges">Accepted charges, oldest first.</param>
public sealed record PrivacyLedgerState(
    PrivacyMeasure Measure,
    double CohortLimit,
    double CohortDeltaLimit,
    double ConsumerLimit,
    double ConsumerDeltaLimit,
    ImmutableArray<PrivacyLedgerCharge> Charges);

/// <summary>One accepted charge: who released what on which cohort, and its amount in the ledger's measure.</summary>
public sealed record PrivacyLedgerCharge(string CohortId, string ConsumerId, string Query, double Amount, double Delta);

/// <summary>The ledger's answer to a charge request.</summary>
/// <param name="Accepted">Whether the charge was recorded.</param>
/// <param name="Reason">Why it was refused, or "accepted".</param>
/// <param name="Amount">The charge in the ledger's measure (ε²/2 for a pure cost on a ρ ledger).</param>
/// <param name="CohortRemaining">ε or ρ left on the cohort after the decision.</param>
/// <param name="ConsumerRemaining">ε or ρ left to the consumer on the cohort after the decision.</param>
public sealed record LedgerDecision(bool Accepted, string Reason, double Amount, double CohortRemaining, double ConsumerRemaining);
