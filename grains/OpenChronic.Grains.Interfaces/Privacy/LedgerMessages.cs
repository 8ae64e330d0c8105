using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>
/// The budget of a cohort: in zCDP (ρ) when <paramref name="ZeroConcentrated"/>, otherwise in (ε, δ) with basic
/// composition. The consumer limits apply to each consumer separately.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.LedgerLimits")]
public sealed record LedgerLimits(
    [property: Id(0)] bool ZeroConcentrated,
    [property: Id(1)] double CohortLimit,
    [property: Id(2)] double ConsumerLimit,
    [property: Id(3)] double CohortDeltaLimit,
    [property: Id(4)] double ConsumerDeltaLimit);

/// <summary>One query to charge: who asks, a description, and its cost as (ε, δ) or as ρ (exactly one form).</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.LedgerChargeRequest")]
public sealed record LedgerChargeRequest(
    [property: Id(0)] string ConsumerId,
    [property: Id(1)] string Query,
    [property: Id(2)] double Epsilon,
    [property: Id(3)] double Delta,
    [property: Id(4)] double Rho);

/// <summary>The ledger's answer: accepted or refused with the reason, and what remains afterwards.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.LedgerChargeDecision")]
public sealed record LedgerChargeDecision(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] string Reason,
    [property: Id(2)] double Amount,
    [property: Id(3)] double CohortRemaining,
    [property: Id(4)] double ConsumerRemaining);

/// <summary>A cohort's budget: its limits (null before configuration), the total spent and the spending per consumer.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.LedgerStatus")]
public sealed record LedgerStatus(
    [property: Id(0)] string CohortId,
    [property: Id(1)] LedgerLimits? Limits,
    [property: Id(2)] double CohortSpent,
    [property: Id(3)] ImmutableDictionary<string, double> ConsumerSpent,
    [property: Id(4)] int Charges,
    [property: Id(5)] string Message);
