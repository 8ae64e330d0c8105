using System.Security.Cryptography;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Api.Counts;

/// <summary>
/// Random bits for each counts query: a ChaCha20 stream under a fresh secret key in production, or, when
/// <see cref="DpCountOptions.NoiseSeed"/> is set (tests), the seed's stream number n for the n-th query.
/// </summary>
internal sealed class DpNoiseSource(ApiOptions options)
{
    private long _queries;

    public (IRandomBits Bits, byte[] SelectionKey) Next()
    {
        if (options.Counts.NoiseSeed is { } seed)
        {
            var stream = (ulong)Interlocked.Increment(ref _queries);
            var key = new byte[32];
            BitConverter.TryWriteBytes(key, seed);
            return (ChaCha20RandomBits.FromSeed(seed, stream), key);
        }

        return (new ChaCha20RandomBits(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(12)), RandomNumberGenerator.GetBytes(32));
    }
}
