using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Grains;

/// <summary>
/// Holds a cohort's <see cref="PrivacyBudgetLedger"/>: rebuilds it from the persisted charges on activation,
/// delegates every decision to it, and writes the state before answering an accepted charge, so that an
/// acknowledged charge is never lost by a restart.
/// </summary>
public sealed partial class BudgetLedgerGrain(
    [PersistentState("ledger", "ledgers")] IPersistentState<BudgetLedgerState> state,
    ILogger<BudgetLedgerGrain> logger) : Grain, IBudgetLedgerGrain
{
    private PrivacyBudgetLedger? _ledger;

    private string CohortId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Limits is { } limits)
        {
            var cohort = CohortId;
            _ledger = PrivacyBudgetLedger.FromState(new PrivacyLedgerState(
                Measure(limits), limits.CohortLimit, limits.CohortDeltaLimit, limits.ConsumerLimit, limits.ConsumerDeltaLimit,
                [.. state.State.Charges.Select(c => new PrivacyLedgerCharge(cohort, c.ConsumerId, c.Query, c.Amount, c.Delta))]));
        }

        return Task.CompletedTask;
    }

    public async ValueTask<LedgerStatus> ConfigureAsync(LedgerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (state.State.Limits is { } current)
        {
            return Status(current == limits
                ? "already configured with these limits"
                : $"refused: already configured with other limits ({Describe(current)})");
        }

        // The domain ledger validates the limits (finite, non-negative, no δ for zCDP) and throws to the caller.
        var ledger = new PrivacyBudgetLedger(Measure(limits), limits.CohortLimit, limits.ConsumerLimit, limits.CohortDeltaLimit, limits.ConsumerDeltaLimit);
        state.State.Limits = limits;
        await state.WriteStateAsync();
        _ledger = ledger;
        return Status("configured");
    }

    public async ValueTask<LedgerChargeDecision> ChargeAsync(LedgerChargeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_ledger is null)
        {
            return new LedgerChargeDecision(false, $"cohort '{CohortId}' has no budget configured", double.NaN, 0, 0);
        }

        var cost = request.Rho > 0 ? PrivacyCost.ZeroConcentrated(request.Rho) : PrivacyCost.Approximate(request.Epsilon, request.Delta);
        var decision = _ledger.TryCharge(CohortId, request.ConsumerId, request.Query, cost);
        if (!decision.Accepted)
        {
            LogRefused(logger, CohortId, request.ConsumerId, decision.Reason);
            return Wire(decision);
        }

        state.State.Charges.Add(new LedgerChargeRecord(request.ConsumerId, request.Query, decision.Amount, cost.Delta));
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The charge is not durable: forget the in-memory ledger so the next activation rebuilds it from storage.
            state.State.Charges.RemoveAt(state.State.Charges.Count - 1);
            DeactivateOnIdle();
            throw;
        }

        return Wire(decision);
    }

    public ValueTask<LedgerStatus> GetStatusAsync() => ValueTask.FromResult(Status(_ledger is null ? "not configured" : "configured"));

    private LedgerStatus Status(string message)
    {
        var spent = state.State.Charges
            .GroupBy(c => c.ConsumerId, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.Sum(c => c.Amount), StringComparer.Ordinal);
        return new LedgerStatus(CohortId, state.State.Limits, _ledger?.CohortSpent(CohortId) ?? 0, spent, state.State.Charges.Count, message);
    }

    private static LedgerChargeDecision Wire(LedgerDecision d) => new(d.Accepted, d.Reason, d.Amount, d.CohortRemaining, d.ConsumerRemaining);

    private static PrivacyMeasure Measure(LedgerLimits limits) =>
        limits.ZeroConcentrated ? PrivacyMeasure.ZeroConcentrated : PrivacyMeasure.ApproximateDp;

    private static string Describe(LedgerLimits l) => FormattableString.Invariant(
        $"{(l.ZeroConcentrated ? "ρ" : "ε")} cohort {l.CohortLimit:G6}, consumer {l.ConsumerLimit:G6}, δ cohort {l.CohortDeltaLimit:G6}, consumer {l.ConsumerDeltaLimit:G6}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Budget ledger {Cohort}: refused a charge of {Consumer}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string cohort, string consumer, string reason);
}
