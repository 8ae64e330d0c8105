using System.Collections.Immutable;

namespace OpenChronic.Api.Keys;

/// <summary>
/// A stored API key: never the secret, only its SHA-256 (secrets are 256 random bits, so a plain hash cannot be
/// reversed by guessing). <see cref="Scopes"/> lists the cohorts an agency key may read (<c>*</c> for all).
/// </summary>
public sealed record ApiKeyRecord(
    string Id,
    string Name,
    ApiRole Role,
    ImmutableArray<string> Scopes,
    string SecretSha256,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    DateTimeOffset? Revoked,
    string? ReplacedBy)
{
    /// <summary>True when the key may be used at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) => Revoked is null && now < Expires;

    /// <summary>True when the key may read <paramref name="cohort"/>.</summary>
    public bool CanRead(string cohort) =>
        Role != ApiRole.Agency || Scopes.Contains("*") || Scopes.Contains(cohort, StringComparer.Ordinal);
}
