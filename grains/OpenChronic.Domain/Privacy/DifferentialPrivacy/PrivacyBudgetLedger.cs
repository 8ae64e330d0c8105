using System.Collections.Immutable;
using System.Globalization;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// The privacy budget of every cohort and of every consumer of it: a release is charged before it is
/// published and refused, with the reason, when it would take the cohort's total or the consumer's share over
/// its limit. One ledger covers all grains and refreshes of a cohort, because overlapping releases compose.
/// Amounts are compared with a relative slack of 1e-12 so that, e.g., ten charges of 0.1 fit a budget of 1.
/// </summary>
public sealed class PrivacyBudgetLedger
{
    private const double Slack = 1e-12;
    private readonly List<PrivacyLedgerCharge> _charges;
    private readonly Dictionary<string, (double Amount, double Delta)> _cohortSpent = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), (double Amount, double Delta)> _consumerSpent = [];

    /// <summary>Creates an empty ledger.</summary>
    public PrivacyBudgetLedger(PrivacyMeasure measure, double cohortLimit, double consumerLimit, double cohortDeltaLimit = 0, double consumerDeltaLimit = 0)
        : this(new PrivacyLedgerState(measure, cohortLimit, cohortDeltaLimit, consumerLimit, consumerDeltaLimit, []))
    {
    }

    private PrivacyBudgetLedger(PrivacyLedgerState state)
    {
        foreach (var limit in new[] { state.CohortLimit, state.ConsumerLimit, state.CohortDeltaLimit, state.ConsumerDeltaLimit })
        {
            if (!(limit >= 0 && double.IsFinite(limit)))
            {
                throw new ArgumentOutOfRangeException(nameof(state), limit, "Budget limits are finite and non-negative.");
            }
        }

        if (state.Measure == PrivacyMeasure.ZeroConcentrated && (state.CohortDeltaLimit > 0 || state.ConsumerDeltaLimit > 0))
        {
            throw new ArgumentException("A zCDP ledger has no δ budget.", nameof(state));
        }

        Measure = state.Measure;
        CohortLimit = state.CohortLimit;
        CohortDeltaLimit = state.CohortDeltaLimit;
        ConsumerLimit = state.ConsumerLimit;
        ConsumerDeltaLimit = state.ConsumerDeltaLimit;
        _charges = new List<PrivacyLedgerCharge>(state.Charges.Length);
        foreach (var charge in state.Charges)
        {
            Record(charge);
        }
    }

    /// <summary>The measure amounts are stated in.</summary>
    public PrivacyMeasure Measure { get; }

    /// <summary>ε or ρ allowed per cohort.</summary>
    public double CohortLimit { get; }

    /// <summary>δ allowed per cohort.</summary>
    public double CohortDeltaLimit { get; }

    /// <summary>ε or ρ allowed per consumer and cohort.</summary>
    public double ConsumerLimit { get; }

    /// <summary>δ allowed per consumer and cohort.</summary>
    public double ConsumerDeltaLimit { get; }

    /// <summary>Rebuilds a ledger from its persisted state.</summary>
    public static PrivacyBudgetLedger FromState(PrivacyLedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PrivacyBudgetLedger(state);
    }

    /// <summary>The state to persist.</summary>
    public PrivacyLedgerState ToState() =>
        new(Measure, CohortLimit, CohortDeltaLimit, ConsumerLimit, ConsumerDeltaLimit, [.. _charges]);

    /// <summary>ε or ρ spent so far on a cohort, over all consumers.</summary>
    public double CohortSpent(string cohortId) => _cohortSpent.GetValueOrDefault(cohortId).Amount;

    /// <summary>ε or ρ spent so far by a consumer on a cohort.</summary>
    public double ConsumerSpent(string cohortId, string consumerId) => _consumerSpent.GetValueOrDefault((cohortId, consumerId)).Amount;

    /// <summary>Charges <paramref name="cost"/> for <paramref name="query"/> if both budgets allow it.</summary>
    public LedgerDecision TryCharge(string cohortId, string consumerId, string query, PrivacyCost cost)
    {
        ArgumentException.ThrowIfNullOrEmpty(cohortId);
        ArgumentException.ThrowIfNullOrEmpty(consumerId);
        ArgumentNullException.ThrowIfNull(query);
        var cohort = _cohortSpent.GetValueOrDefault(cohortId);
        var consumer = _consumerSpent.GetValueOrDefault((cohortId, consumerId));
        LedgerDecision Refuse(string reason, double amount) =>
            new(false, reason, amount, CohortLimit - cohort.Amount, ConsumerLimit - consumer.Amount);

        double amount, delta;
        if (Measure == PrivacyMeasure.ZeroConcentrated)
        {
            var rho = PrivacyAccounting.ToRho(cost);
            if (rho is null)
            {
                return Refuse($"the ledger accounts in zCDP and an ({cost}) cost with δ > 0 has no ρ equivalent", double.NaN);
            }

            (amount, delta) = (rho.Value, 0);
        }
        else
        {
            if (cost.IsZeroConcentrated)
            {
                return Refuse($"the ledger accounts in (ε, δ); convert the zCDP cost ({cost}) with a chosen δ first", double.NaN);
            }

            (amount, delta) = (cost.Epsilon, cost.Delta);
        }

        var unit = Measure == PrivacyMeasure.ZeroConcentrated ? "ρ" : "ε";
        if (Exceeds(cohort.Amount + amount, CohortLimit))
        {
            return Refuse(Format($"cohort '{cohortId}' would reach {unit} = {cohort.Amount + amount:G6}, over its limit {CohortLimit:G6} (spent {cohort.Amount:G6})"), amount);
        }

        if (Exceeds(consumer.Amount + amount, ConsumerLimit))
        {
            return Refuse(Format($"consumer '{consumerId}' would reach {unit} = {consumer.Amount + amount:G6} on cohort '{cohortId}', over its limit {ConsumerLimit:G6} (spent {consumer.Amount:G6})"), amount);
        }

        if (delta > 0 && Exceeds(cohort.Delta + delta, CohortDeltaLimit))
        {
            return Refuse(Format($"cohort '{cohortId}' would reach δ = {cohort.Delta + delta:G6}, over its limit {CohortDeltaLimit:G6}"), amount);
        }

        if (delta > 0 && Exceeds(consumer.Delta + delta, ConsumerDeltaLimit))
        {
            return Refuse(Format($"consumer '{consumerId}' would reach δ = {consumer.Delta + delta:G6} on cohort '{cohortId}', over its limit {ConsumerDeltaLimit:G6}"), amount);
        }

        Record(new PrivacyLedgerCharge(cohortId, consumerId, query, amount, delta));
        return new LedgerDecision(true, "accepted", amount,
            CohortLimit - CohortSpent(cohortId), ConsumerLimit - ConsumerSpent(cohortId, consumerId));
    }

    private static bool Exceeds(double total, double limit) => total > limit + (Slack * Math.Max(1, limit));

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void Record(PrivacyLedgerCharge charge)
    {
        _charges.Add(charge);
        var cohort = _cohortSpent.GetValueOrDefault(charge.CohortId);
        _cohortSpent[charge.CohortId] = (cohort.Amount + charge.Amount, cohort.Delta + charge.Delta);
        var key = (charge.CohortId, charge.ConsumerId);
        var consumer = _consumerSpent.GetValueOrDefault(key);
        _consumerSpent[key] = (consumer.Amount + charge.Amount, consumer.Delta + charge.Delta);
    }
}
