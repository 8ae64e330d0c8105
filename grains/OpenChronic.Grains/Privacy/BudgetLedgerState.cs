namespace OpenChronic.Grains;

/// <summary>Persisted state of a cohort's budget ledger: its limits (null until configured) and every accepted charge.</summary>
[GenerateSerializer, Alias("OpenChronic.BudgetLedgerState")]
public sealed class BudgetLedgerState
{
    [Id(0)]
    public LedgerLimits? Limits { get; set; }

    [Id(1)]
    public List<LedgerChargeRecord> Charges { get; set; } = [];
}

/// <summary>One accepted charge as stored: consumer, query, amount in the ledger's measure and δ.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.LedgerChargeRecord")]
public sealed record LedgerChargeRecord(
    [property: Id(0)] string ConsumerId,
    [property: Id(1)] string Query,
    [property: Id(2)] double Amount,
    [property: Id(3)] double Delta);
