using System.Text;
using System.Text.Json;

namespace OpenChronic.Api.Audit;

/// <summary>
/// The append-only audit log of the API in embedded mode: one JSON line per access in <c>audit.jsonl</c>, each entry
/// carrying the SHA-256 of the previous one, so that removing or editing a line breaks the chain
/// (<see cref="Verify"/>). The file is only ever opened for appending.
/// </summary>
public sealed class AuditLog : IAuditLog
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private long _sequence;
    private string _last;

    public AuditLog(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        Directory.CreateDirectory(stateDirectory);
        _path = Path.Combine(stateDirectory, "audit.jsonl");
        (_sequence, _last) = Tail(_path);
    }

    public string FilePath => _path;

    /// <summary>Appends an access; returns the entry as written.</summary>
    public AuditEntry Append(AuditAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        lock (_gate)
        {
            var entry = access.Chain(_sequence + 1, _last);
            using (var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, AuditJson.Default.AuditEntry) + "\n");
                file.Write(line);
                file.Flush(flushToDisk: true);
            }

            _sequence = entry.Sequence;
            _last = entry.Hash;
            return entry;
        }
    }

    /// <summary>Every entry of the log, in order.</summary>
    public IReadOnlyList<AuditEntry> Read()
    {
        lock (_gate)
        {
            return ReadAll(_path);
        }
    }

    /// <summary>Checks the chain; null when intact, else the first broken sequence number and why.</summary>
    public string? Verify() => AuditChain.Verify(Read());

    /// <inheritdoc />
    public ValueTask<AuditEntry> AppendAsync(AuditAccess access, CancellationToken cancellationToken = default) => ValueTask.FromResult(Append(access));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AuditEntry>> ReadAsync(long after = 0, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<AuditEntry>>([.. Read().Where(e => e.Sequence > after)]);

    /// <inheritdoc />
    public ValueTask<string?> VerifyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Verify());

    private static (long Sequence, string Last) Tail(string path)
    {
        var entries = ReadAll(path);
        return entries.Count == 0 ? (0, AuditChain.Genesis) : (entries[^1].Sequence, entries[^1].Hash);
    }

    private static List<AuditEntry> ReadAll(string path)
    {
        var entries = new List<AuditEntry>();
        if (!File.Exists(path))
        {
            return entries;
        }

        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                entries.Add(JsonSerializer.Deserialize(line, AuditJson.Default.AuditEntry)
                    ?? throw new InvalidDataException($"{path}: line {number} is empty JSON."));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}: line {number} is not an audit entry: {e.Message}", e);
            }
        }

        return entries;
    }
}
