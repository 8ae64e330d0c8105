using System.Globalization;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// The discrete Laplace (two-sided geometric) distribution P(X = x) ∝ exp(−|x|/t) on the integers, sampled
/// exactly by Algorithm 2 of Canonne, Kamath and Steinke 2020. Adding it with scale t = Δ₁/ε to an integer query
/// of L1 sensitivity Δ₁ is ε-differentially private (the geometric mechanism of Ghosh, Roughgarden and
/// Sundararajan 2009).
/// </summary>
public sealed class DiscreteLaplace : IIntegerNoise
{
    private readonly long _scaleNumerator;
    private readonly long _scaleDenominator;
    private readonly double _p;

    /// <summary>Creates the distribution with scale t (a positive rational whose parts fit in 64 bits).</summary>
    public DiscreteLaplace(Rational scale)
    {
        if (scale.Numerator.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive.");
        }

        if (scale.Numerator > long.MaxValue / 2 || scale.Denominator > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale's numerator and denominator must fit in 62 bits.");
        }

        Scale = scale;
        _scaleNumerator = (long)scale.Numerator;
        _scaleDenominator = (long)scale.Denominator;
        _p = Math.Exp(-(double)_scaleDenominator / _scaleNumerator);
    }

    /// <summary>The scale t.</summary>
    public Rational Scale { get; }

    /// <summary>The ratio of successive probabilities, p = exp(−1/t).</summary>
    public double Ratio => _p;

    /// <summary>The noise for an ε-DP release of a query with L1 sensitivity Δ₁: scale t = Δ₁/ε.</summary>
    public static DiscreteLaplace ForEpsilon(Rational epsilon, long l1Sensitivity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(l1Sensitivity);
        return new DiscreteLaplace(Rational.Of(l1Sensitivity, 1).DivideBy(epsilon));
    }

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"discrete Laplace, scale t = {Scale}");

    /// <summary>Var X = 2p/(1 − p)².</summary>
    public double Variance => 2 * _p / ((1 - _p) * (1 - _p));

    /// <inheritdoc />
    public long Sample(IRandomBits bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var t = _scaleNumerator;
        var s = _scaleDenominator;
        while (true)
        {
            // X = U + t·V is geometric with ratio exp(−1/t); U is accepted with probability exp(−U/t).
            var u = (long)bits.UniformBelow((ulong)t);
            if (!bits.BernoulliExpMinus((ulong)u, (ulong)t))
            {
                continue;
            }

            long v = 0;
            while (bits.BernoulliExpMinus(1UL, 1UL))
            {
                v++;
            }

            var x = (Int128)u + ((Int128)t * v);
            var y = (long)(x / s);
            var negative = (bits.NextUInt64() & 1) == 1;
            if (negative && y == 0)
            {
                // Rejecting "−0" makes zero as likely as every other value relative to its weight.
                continue;
            }

            return negative ? -y : y;
        }
    }

    /// <summary>P(|X| ≥ k) = 2p^k/(1 + p) for k ≥ 1, and 1 for k ≤ 0.</summary>
    public double TailProbability(long k) => k <= 0 ? 1d : 2 * Math.Pow(_p, k) / (1 + _p);

    /// <inheritdoc />
    public long ConfidenceHalfWidth(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level lies in (0, 1).");
        }

        // P(|X| > h) = 2p^(h+1)/(1+p) ≤ 1 − level  ⇔  h + 1 ≥ ln((1 − level)(1 + p)/2) / ln p.
        var alpha = 1 - level;
        var estimate = (long)Math.Max(0, Math.Ceiling(Math.Log(alpha * (1 + _p) / 2) / Math.Log(_p)) - 1);
        // Correct a floating rounding at the boundary by checking the tail directly.
        while (estimate > 0 && TailProbability(estimate) <= alpha)
        {
            estimate--;
        }

        while (TailProbability(estimate + 1) > alpha)
        {
            estimate++;
        }

        return estimate;
    }
}
