namespace OpenChronic.Api.Audit;

/// <summary>
/// The API's append-only, hash-chained audit log: a file in embedded mode (<see cref="AuditLog"/>), a PostgreSQL table
/// shared by every silo in cluster mode (<see cref="PostgresAuditLog"/>).
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an access; returns the entry as written (with its sequence number and hashes).</summary>
    ValueTask<AuditEntry> AppendAsync(AuditAccess access, CancellationToken cancellationToken = default);

    /// <summary>Entries with a sequence number above <paramref name="after"/>, in order.</summary>
    ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long after = 0, CancellationToken cancellationToken = default);

    /// <summary>Checks the whole chain; null when intact, else the first broken entry and why.</summary>
    ValueTask<string?> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>What the gate records of one request, before the log numbers and chains it.</summary>
public sealed record AuditAccess(
    DateTimeOffset Time, string? KeyId, string? Role, string Method, string Path, int Status, string Outcome, double BudgetSpent, long ResponseBytes)
{
    /// <summary>The entry with its place in the chain.</summary>
    public AuditEntry Chain(long sequence, string previousHash)
    {
        var draft = new AuditEntry(sequence, Time, KeyId, Role, Method, Path, Status, Outcome, BudgetSpent, ResponseBytes, previousHash, "");
        return draft with { Hash = AuditChain.HashOf(draft) };
    }
}
