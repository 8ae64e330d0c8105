namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// A symmetric integer noise distribution added to released counts: an exact sampler plus the facts a
/// release publishes next to each noisy count (variance, tails, confidence half-width).
/// </summary>
public interface IIntegerNoise
{
    /// <summary>A short description, e.g. "discrete Laplace, scale t = 5".</summary>
    string Description { get; }

    /// <summary>The variance of one draw.</summary>
    double Variance { get; }

    /// <summary>Draws one noise value exactly from the distribution.</summary>
    long Sample(IRandomBits bits);

    /// <summary>P(|X| ≥ <paramref name="k"/>) for one draw X.</summary>
    double TailProbability(long k);

    /// <summary>
    /// The smallest h ≥ 0 such that P(|X| ≤ h) ≥ <paramref name="level"/>: a released count c̃ then has the
    /// interval [c̃ − h, c̃ + h] at that confidence level.
    /// </summary>
    long ConfidenceHalfWidth(double level);
}
