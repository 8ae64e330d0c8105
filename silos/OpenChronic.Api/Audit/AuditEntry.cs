namespace OpenChronic.Api.Audit;

/// <summary>
/// One access, as the audit log keeps it: when, which key (its id, never the secret) and role, what was asked
/// (method and path, the query string left out), the outcome, the privacy budget spent, and the hash chain that makes
/// any later edit of the log detectable.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    string? KeyId,
    string? Role,
    string Method,
    string Path,
    int Status,
    string Outcome,
    double BudgetSpent,
    long ResponseBytes,
    string PreviousHash,
    string Hash);
