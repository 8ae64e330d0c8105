using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenChronic.Api.Audit;

/// <summary>The hash chain shared by both audit logs: SHA-256 of the entry's JSON (hash field empty), linked to the previous entry.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash of an entry (its own <see cref="AuditEntry.Hash"/> is ignored).</summary>
    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry with { Hash = "" }, AuditJson.Default.AuditEntry))));
    }

    /// <summary>Null when the entries form an intact chain from the genesis, else the first broken entry.</summary>
    public static string? Verify(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var previous = Genesis;
        long expected = 1;
        foreach (var e in entries)
        {
            if (e.Sequence != expected || e.PreviousHash != previous || e.Hash != HashOf(e))
            {
                return $"entry {expected}: the chain is broken (edited, removed or reordered entries)";
            }

            previous = e.Hash;
            expected++;
        }

        return null;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJson : JsonSerializerContext;
