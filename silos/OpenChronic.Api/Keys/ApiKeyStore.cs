using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OpenChronic.Api.Keys;

/// <summary>
/// API keys in a JSON file (<c>keys.json</c> in the state folder; in cluster mode the same contract would sit in
/// PostgreSQL). A token reads <c>oc_&lt;id&gt;_&lt;secret&gt;</c>: the id finds the record, the secret's SHA-256 is
/// compared in constant time. The secret is shown once, at creation or rotation. Writes replace the file atomically.
/// </summary>
public sealed partial class ApiKeyStore
{
    private const string Prefix = "oc_";
    private readonly string _path;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ApiKeyRecord> _keys;
    private DateTime _loadedWrite;

    public ApiKeyStore(string stateDirectory, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        Directory.CreateDirectory(stateDirectory);
        _path = Path.Combine(stateDirectory, "keys.json");
        _clock = clock;
        _keys = Load(_path);
        _loadedWrite = LastWrite(_path);
    }

    public IReadOnlyList<ApiKeyRecord> List() => [.. _keys.Values.OrderBy(k => k.Created).ThenBy(k => k.Id, StringComparer.Ordinal)];

    /// <summary>Creates a key; returns its record and the token to hand over (shown once).</summary>
    public (ApiKeyRecord Key, string Token) Create(string name, ApiRole role, IEnumerable<string> scopes, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scopes);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A key's lifetime must be positive.");
        }

        var scopeList = scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        foreach (var scope in scopeList)
        {
            if (scope != "*" && !ScopeName().IsMatch(scope))
            {
                throw new ArgumentException($"'{scope}' is not a cohort name (letters, digits, '-', '_').", nameof(scopes));
            }
        }

        if (role == ApiRole.Agency && scopeList.IsEmpty)
        {
            throw new ArgumentException("An agency key needs at least one cohort scope.", nameof(scopes));
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = _clock.GetUtcNow();
        var key = new ApiKeyRecord(id, name, role, scopeList, Hash(secret), now, now + lifetime, null, null);
        Update(keys => keys.Add(id, key));
        return (key, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Revokes a key at once; false when there is no such key.</summary>
    public bool Revoke(string id)
    {
        var found = false;
        Update(keys =>
        {
            if (!keys.TryGetValue(id, out var key))
            {
                return keys;
            }

            found = true;
            return keys.SetItem(id, key with { Revoked = key.Revoked ?? _clock.GetUtcNow() });
        });
        return found;
    }

    /// <summary>
    /// Rotates a key: a new key with the same name, role and scopes, while the old one keeps working for
    /// <paramref name="grace"/> (so that its holder can switch) and then expires.
    /// </summary>
    public (ApiKeyRecord Key, string Token)? Rotate(string id, TimeSpan grace, TimeSpan lifetime)
    {
        if (!_keys.TryGetValue(id, out var old) || !old.IsActive(_clock.GetUtcNow()))
        {
            return null;
        }

        var created = Create(old.Name, old.Role, old.Scopes, lifetime);
        var until = _clock.GetUtcNow() + grace;
        Update(keys => keys.SetItem(id, old with { Expires = until < old.Expires ? until : old.Expires, ReplacedBy = created.Key.Id }));
        return created;
    }

    /// <summary>The active key a bearer token names, or null with the reason (never echoing the token).</summary>
    public ApiKeyRecord? Authenticate(string? token, out string reason)
    {
        reason = "";
        if (LastWrite(_path) != _loadedWrite)
        {
            Reload();
        }

        var match = token is null ? null : TokenShape().Match(token);
        if (match is not { Success: true })
        {
            reason = "missing or malformed API key (expected 'Authorization: Bearer oc_<id>_<secret>')";
            return null;
        }

        if (!_keys.TryGetValue(match.Groups[1].Value, out var key)
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(match.Groups[2].Value)), Encoding.ASCII.GetBytes(key.SecretSha256)))
        {
            reason = "unknown API key";
            return null;
        }

        if (key.Revoked is not null)
        {
            reason = "revoked API key";
            return null;
        }

        if (!key.IsActive(_clock.GetUtcNow()))
        {
            reason = "expired API key";
            return null;
        }

        return key;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    private void Update(Func<ImmutableDictionary<string, ApiKeyRecord>, ImmutableDictionary<string, ApiKeyRecord>> change)
    {
        lock (_gate)
        {
            // re-read first: another process (the keys command) may have changed the file
            var next = change(Load(_path));
            var temp = _path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(next.Values.OrderBy(k => k.Created).ToList(), KeyJson.Default.ListApiKeyRecord));
            File.Move(temp, _path, overwrite: true);
            _keys = next;
            _loadedWrite = LastWrite(_path);
        }
    }

    private static ImmutableDictionary<string, ApiKeyRecord> Load(string path)
    {
        if (!File.Exists(path))
        {
            return ImmutableDictionary<string, ApiKeyRecord>.Empty;
        }

        try
        {
            var keys = JsonSerializer.Deserialize(File.ReadAllText(path), KeyJson.Default.ListApiKeyRecord) ?? [];
            return keys.ToImmutableDictionary(k => k.Id, StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: unreadable key store at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>Reloads the file (after another process changed it).</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _keys = Load(_path);
            _loadedWrite = LastWrite(_path);
        }
    }

    private static DateTime LastWrite(string path) => File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;

    [GeneratedRegex("^oc_([0-9a-f]{16})_([0-9a-f]{64})$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    internal static partial Regex ScopeName();
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<ApiKeyRecord>))]
internal sealed partial class KeyJson : JsonSerializerContext;
