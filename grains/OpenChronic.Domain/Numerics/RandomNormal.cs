namespace OpenChronic.Domain.Numerics;

/// <summary>Standard normal draws from a seeded <see cref="Random"/>.</summary>
public static class RandomNormal
{
    /// <summary>
    /// One standard normal value by Box–Muller: two uniforms per value, the first for the radius, the second for the
    /// angle; the same seed gives the same sequence.
    /// </summary>
    public static double NextStandardNormal(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
