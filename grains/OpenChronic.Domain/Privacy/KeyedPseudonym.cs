using System.Security.Cryptography;
using System.Text;

namespace OpenChronic.Domain.Privacy;

/// <summary>
/// Keyed pseudonyms: HMAC-SHA256 of an identifier under a secret key, truncated to 128 bits and shown as a
/// <see cref="Guid"/>. The same identifier and key always give the same pseudonym; without the key the pseudonym
/// cannot be recomputed from the identifier. Grain keys and released ids are such pseudonyms, never identifiers.
/// </summary>
public sealed class KeyedPseudonym
{
    private readonly byte[] _key;

    public KeyedPseudonym(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("A pseudonymisation key needs at least 16 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>A key derived from a passphrase (SHA-256 of its UTF-8 bytes), for configuration files.</summary>
    public static KeyedPseudonym FromPassphrase(string passphrase)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        return new KeyedPseudonym(SHA256.HashData(Encoding.UTF8.GetBytes(passphrase)));
    }

    /// <summary>The pseudonym of <paramref name="identifier"/> (UTF-8 bytes).</summary>
    public Guid Of(ReadOnlySpan<byte> identifier)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, identifier, mac);
        return new Guid(mac[..16]);
    }

    /// <summary>The pseudonym of <paramref name="identifier"/>.</summary>
    public Guid Of(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Of(Encoding.UTF8.GetBytes(identifier));
    }
}
