using System.Numerics;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// Exact random draws over integers and rationals, with no floating point in any decision: uniform integers by
/// rejection, Bernoulli(p) for rational p, and Bernoulli(exp(-γ)) for rational γ by Algorithm 1 of Canonne,
/// Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020, arXiv:2004.00010).
/// </summary>
public static class ExactBernoulli
{
    /// <summary>A uniform integer in [0, <paramref name="bound"/>), exactly (rejection of the biased tail).</summary>
    public static ulong UniformBelow(this IRandomBits bits, ulong bound)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        // 2^64 mod bound: words below it would make small residues more likely.
        var rejectBelow = unchecked(0UL - bound) % bound;
        while (true)
        {
            var word = bits.NextUInt64();
            if (word >= rejectBelow)
            {
                return word % bound;
            }
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) for any positive bound.</summary>
    public static BigInteger UniformBelow(this IRandomBits bits, BigInteger bound)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (bound.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
        }

        if (bound <= ulong.MaxValue)
        {
            return bits.UniformBelow((ulong)bound);
        }

        var bitLength = checked((int)bound.GetBitLength());
        var words = (bitLength + 63) / 64;
        var bytes = new byte[words * 8];
        var excess = (words * 64) - bitLength;
        while (true)
        {
            for (var i = 0; i < words; i++)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i * 8, 8), bits.NextUInt64());
            }

            var candidate = new BigInteger(bytes, isUnsigned: true, isBigEndian: false) >> excess;
            if (candidate < bound)
            {
                return candidate;
            }
        }
    }

    /// <summary>True with probability <paramref name="numerator"/>/<paramref name="denominator"/> (at most 1).</summary>
    public static bool Bernoulli(this IRandomBits bits, BigInteger numerator, BigInteger denominator)
    {
        if (numerator.Sign < 0 || numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "Expected a probability in [0, 1].");
        }

        return bits.UniformBelow(denominator) < numerator;
    }

    /// <summary>
    /// True with probability exp(-<paramref name="numerator"/>/<paramref name="denominator"/>). For γ ≤ 1 the
    /// paper's alternating series: draw A_k ~ Bernoulli(γ/k) for k = 1, 2, … until one fails and answer whether
    /// the failing k is odd. For γ &gt; 1 it multiplies ⌊γ⌋ draws of Bernoulli(exp(-1)) by one of exp(-(γ-⌊γ⌋)).
    /// Bernoulli(γ/k) is drawn as Bernoulli(γ) and Bernoulli(1/k), which is exact and needs no product.
    /// </summary>
    public static bool BernoulliExpMinus(this IRandomBits bits, BigInteger numerator, BigInteger denominator)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (numerator.Sign < 0 || denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "Expected γ ≥ 0.");
        }

        if (numerator <= ulong.MaxValue && denominator <= ulong.MaxValue)
        {
            return bits.BernoulliExpMinus((ulong)numerator, (ulong)denominator);
        }

        var whole = BigInteger.DivRem(numerator, denominator, out var remainder);
        for (var i = BigInteger.Zero; i < whole; i++)
        {
            if (!ExpMinusAtMostOne(bits, 1UL, 1UL))
            {
                return false;
            }
        }

        var k = 1UL;
        while (bits.UniformBelow(denominator) < remainder && (k == 1 || bits.UniformBelow(k) == 0))
        {
            k++;
        }

        return (k & 1) == 1;
    }

    /// <summary>The same as the <see cref="BigInteger"/> overload, for 64-bit γ = numerator/denominator.</summary>
    public static bool BernoulliExpMinus(this IRandomBits bits, ulong numerator, ulong denominator)
    {
        ArgumentNullException.ThrowIfNull(bits);
        ArgumentOutOfRangeException.ThrowIfZero(denominator);
        var whole = numerator / denominator;
        for (var i = 0UL; i < whole; i++)
        {
            if (!ExpMinusAtMostOne(bits, 1UL, 1UL))
            {
                return false;
            }
        }

        return ExpMinusAtMostOne(bits, numerator % denominator, denominator);
    }

    private static bool ExpMinusAtMostOne(IRandomBits bits, ulong numerator, ulong denominator)
    {
        var k = 1UL;
        while (bits.UniformBelow(denominator) < numerator && (k == 1 || bits.UniformBelow(k) == 0))
        {
            k++;
        }

        return (k & 1) == 1;
    }
}
