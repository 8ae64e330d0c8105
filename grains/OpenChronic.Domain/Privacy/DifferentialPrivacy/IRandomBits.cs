namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// A source of uniformly random 64-bit words. Every privacy mechanism draws its randomness from one of these,
/// created from an explicit key or seed, so that a release can be replayed exactly in tests and audits.
/// </summary>
public interface IRandomBits
{
    /// <summary>Returns the next 64 uniformly random bits.</summary>
    ulong NextUInt64();
}
