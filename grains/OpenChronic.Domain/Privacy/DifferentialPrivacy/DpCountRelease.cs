using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Releases bounded cell totals with integer noise, in the two ways the DP libraries offer (OpenDP "explicit
/// keys" and "stable keys", Tumult KeySet and get_groups): over an explicit key list taken from a public
/// nomenclature, where every key is released (zeros included) and no δ is spent; or over keys found in the
/// data, where a key is released only if its noisy count reaches a threshold τ, which costs δ.
/// </summary>
public static class DpCountRelease
{
    /// <summary>
    /// Releases every key of <paramref name="keys"/> (a nomenclature) with noise; data cells outside the list are
    /// not released and only counted. Pure ε-DP (discrete Laplace) or zCDP (discrete Gaussian), as the noise is.
    /// </summary>
    public static CountRelease WithExplicitKeys(
        BoundedContributions data,
        IReadOnlyCollection<string> keys,
        IIntegerNoise noise,
        IRandomBits bits,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentNullException.ThrowIfNull(bits);
        var ordered = keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (string.Equals(ordered[i], ordered[i - 1], StringComparison.Ordinal))
            {
                throw new ArgumentException($"The key '{ordered[i]}' is listed twice.", nameof(keys));
            }
        }

        var counts = ImmutableArray.CreateBuilder<NoisyCount>(ordered.Count);
        foreach (var key in ordered)
        {
            counts.Add(new NoisyCount(key, checked(data.CellTotals.GetValueOrDefault(key) + noise.Sample(bits))));
        }

        var listed = ordered.ToHashSet(StringComparer.Ordinal);
        var unlisted = data.CellTotals.Keys.Count(k => !listed.Contains(k));
        return new CountRelease(counts.MoveToImmutable(), noise.Description, noise.Variance, confidenceLevel,
            noise.ConfidenceHalfWidth(confidenceLevel), Threshold: null, unlisted, data);
    }

    /// <summary>
    /// Releases the keys found in the data whose count plus discrete Laplace noise (scale L0·L∞/ε) reaches the
    /// threshold τ of <see cref="PartitionSelection.LaplaceThreshold"/>. The whole release is (ε, δ)-DP.
    /// </summary>
    public static CountRelease WithThreshold(
        BoundedContributions data,
        Rational epsilon,
        double delta,
        IRandomBits bits,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(bits);
        var noise = DiscreteLaplace.ForEpsilon(epsilon, data.Bounds.L1Sensitivity);
        var threshold = PartitionSelection.LaplaceThreshold(noise, delta, data.Bounds);
        var counts = ImmutableArray.CreateBuilder<NoisyCount>();
        foreach (var (key, total) in data.CellTotals)
        {
            var noisy = checked(total + noise.Sample(bits));
            if (noisy >= threshold)
            {
                counts.Add(new NoisyCount(key, noisy));
            }
        }

        return new CountRelease(counts.ToImmutable(), noise.Description, noise.Variance, confidenceLevel,
            noise.ConfidenceHalfWidth(confidenceLevel), threshold, UnlistedCells: 0, data);
    }
}
