namespace OpenChronic.Grains;

/// <summary>
/// The differential-privacy budget of one cohort (key = cohort id), shared by all its consumers: every DP release
/// on the cohort is charged here before it is published, and refused with the reason once the cohort's total or
/// the consumer's share would go over its limit. The accepted charges are persisted, so the budget survives a
/// deactivation or a silo restart.
/// </summary>
[Alias("OpenChronic.IBudgetLedgerGrain")]
public interface IBudgetLedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Sets the cohort's limits once. Calling again with the same limits changes nothing; different limits are
    /// refused (a budget is not raised after releases were charged against it).
    /// </summary>
    [Alias("Configure")]
    ValueTask<LedgerStatus> ConfigureAsync(LedgerLimits limits);

    /// <summary>Charges one query's cost to a consumer if both the cohort and the consumer budgets allow it.</summary>
    [Alias("Charge")]
    ValueTask<LedgerChargeDecision> ChargeAsync(LedgerChargeRequest request);

    /// <summary>The limits, what each consumer spent and the number of accepted charges.</summary>
    [Alias("GetStatus")]
    ValueTask<LedgerStatus> GetStatusAsync();
}
