using Npgsql;

namespace OpenChronic.Api.Audit;

/// <summary>
/// The audit log in cluster mode: rows of <c>openchronic_api_audit</c> (deploy/sql/04-api.sql), one hash chain per
/// <paramref name="log"/> (the cluster's service id) shared by every silo serving the API. An append takes a
/// transaction-scoped advisory lock on the log, reads the chain's tail and inserts the next entry, so concurrent
/// silos extend one chain; the table refuses UPDATE, DELETE and TRUNCATE. Times are kept to the microsecond, as
/// PostgreSQL stores them, before hashing.
/// </summary>
public sealed class PostgresAuditLog(NpgsqlDataSource source, string log) : IAuditLog
{
    private const string Columns = "sequence, time, key_id, role, method, path, status, outcome, budget_spent, response_bytes, previous_hash, hash";

    /// <inheritdoc />
    public async ValueTask<AuditEntry> AppendAsync(AuditAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        var utc = access.Time.ToUniversalTime();
        var time = new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('openchronic_api_audit:' || @log, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("log", log);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long sequence = 0;
        var previous = AuditChain.Genesis;
        await using (var tail = new NpgsqlCommand("SELECT sequence, hash FROM openchronic_api_audit WHERE log = @log ORDER BY sequence DESC LIMIT 1", connection, transaction))
        {
            tail.Parameters.AddWithValue("log", log);
            await using var reader = await tail.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (sequence, previous) = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        var entry = (access with { Time = time }).Chain(sequence + 1, previous);
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO openchronic_api_audit (log, {Columns}) VALUES (@log, @sequence, @time, @key_id, @role, @method, @path, @status, @outcome, @budget, @bytes, @previous, @hash)",
            connection, transaction))
        {
            var p = insert.Parameters;
            p.AddWithValue("log", log);
            p.AddWithValue("sequence", entry.Sequence);
            p.AddWithValue("time", entry.Time);
            p.AddWithValue("key_id", (object?)entry.KeyId ?? DBNull.Value);
            p.AddWithValue("role", (object?)entry.Role ?? DBNull.Value);
            p.AddWithValue("method", entry.Method);
            p.AddWithValue("path", entry.Path);
            p.AddWithValue("status", entry.Status);
            p.AddWithValue("outcome", entry.Outcome);
            p.AddWithValue("budget", entry.BudgetSpent);
            p.AddWithValue("bytes", entry.ResponseBytes);
            p.AddWithValue("previous", entry.PreviousHash);
            p.AddWithValue("hash", entry.Hash);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long after = 0, CancellationToken cancellationToken = default)
    {
        await using var command = source.CreateCommand($"SELECT {Columns} FROM openchronic_api_audit WHERE log = @log AND sequence > @after ORDER BY sequence");
        command.Parameters.AddWithValue("log", log);
        command.Parameters.AddWithValue("after", after);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                reader.GetString(7),
                reader.GetDouble(8),
                reader.GetInt64(9),
                reader.GetString(10),
                reader.GetString(11)));
        }

        return entries;
    }

    /// <inheritdoc />
    public async ValueTask<string?> VerifyAsync(CancellationToken cancellationToken = default) =>
        AuditChain.Verify(await ReadAsync(0, cancellationToken).ConfigureAwait(false));
}
