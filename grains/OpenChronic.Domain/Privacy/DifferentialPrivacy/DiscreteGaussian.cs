using System.Globalization;
using System.Numerics;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// The discrete Gaussian P(X = x) ∝ exp(−x²/(2σ²)) on the integers, sampled exactly by Algorithm 3 of Canonne,
/// Kamath and Steinke 2020: draw Y from the discrete Laplace with scale t = ⌊σ⌋ + 1 and keep it with probability
/// exp(−(|Y| − σ²/t)²/(2σ²)), all in rational arithmetic. Adding it to a query of L2 sensitivity Δ₂ satisfies
/// ρ-zCDP with ρ = Δ₂²/(2σ²) (their Theorem 4).
/// </summary>
public sealed class DiscreteGaussian : IIntegerNoise
{
    private readonly BigInteger _varianceNumerator;
    private readonly BigInteger _varianceDenominator;
    private readonly DiscreteLaplace _proposal;
    private readonly long _laplaceScale;
    private readonly double _sigma;
    private double[]? _halfMass;

    /// <summary>Creates the distribution with parameter σ² (a positive rational).</summary>
    public DiscreteGaussian(Rational sigmaSquared)
    {
        if (sigmaSquared.Numerator.IsZero)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "σ² must be positive.");
        }

        SigmaSquared = sigmaSquared;
        _varianceNumerator = sigmaSquared.Numerator;
        _varianceDenominator = sigmaSquared.Denominator;
        // ⌊σ⌋ = ⌊√⌊σ²⌋⌋, computed on integers.
        var floorSigma = IntegerSquareRoot(_varianceNumerator / _varianceDenominator);
        if (floorSigma >= long.MaxValue / 4)
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "σ is too large for a 64-bit sampler.");
        }

        _laplaceScale = (long)floorSigma + 1;
        _proposal = new DiscreteLaplace(Rational.Of(_laplaceScale, 1));
        _sigma = Math.Sqrt(sigmaSquared.ToDouble());
    }

    /// <summary>The parameter σ² (the variance is slightly below it).</summary>
    public Rational SigmaSquared { get; }

    /// <summary>The noise for a ρ-zCDP release of a query with L2 sensitivity Δ₂: σ² = Δ₂²/(2ρ).</summary>
    public static DiscreteGaussian ForRho(Rational rho, Rational l2SensitivitySquared) =>
        new(l2SensitivitySquared.DivideBy(rho.Multiply(Rational.Of(2, 1))));

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"discrete Gaussian, σ² = {SigmaSquared}");

    /// <summary>Σ x² P(x), summed numerically over |x| ≤ 12σ + 12 (the rest is below 1e-31 of the mass).</summary>
    public double Variance
    {
        get
        {
            var mass = HalfMass();
            double total = mass[0];
            double second = 0;
            for (var x = 1; x < mass.Length; x++)
            {
                total += 2 * mass[x];
                second += 2 * (double)x * x * mass[x];
            }

            return second / total;
        }
    }

    /// <inheritdoc />
    public long Sample(IRandomBits bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        var n = _varianceNumerator;
        var d = _varianceDenominator;
        var t = (BigInteger)_laplaceScale;
        while (true)
        {
            var y = _proposal.Sample(bits);
            // γ = (|Y| − σ²/t)² / (2σ²) = (|Y|·t·d − n)² / (2·n·t²·d) with σ² = n/d.
            var centred = (BigInteger.Abs(y) * t * d) - n;
            var numerator = centred * centred;
            var denominator = 2 * n * t * t * d;
            if (bits.BernoulliExpMinus(numerator, denominator))
            {
                return y;
            }
        }
    }

    /// <summary>P(|X| ≥ k), summed numerically (see <see cref="Variance"/>).</summary>
    public double TailProbability(long k)
    {
        if (k <= 0)
        {
            return 1d;
        }

        var mass = HalfMass();
        double total = mass[0];
        double tail = 0;
        for (var x = 1; x < mass.Length; x++)
        {
            total += 2 * mass[x];
            if (x >= k)
            {
                tail += 2 * mass[x];
            }
        }

        return tail / total;
    }

    /// <inheritdoc />
    public long ConfidenceHalfWidth(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level lies in (0, 1).");
        }

        var mass = HalfMass();
        double total = mass[0];
        for (var x = 1; x < mass.Length; x++)
        {
            total += 2 * mass[x];
        }

        // Grow h until the central mass P(|X| ≤ h) reaches the level.
        var central = mass[0];
        long h = 0;
        while (central / total < level && h + 1 < mass.Length)
        {
            h++;
            central += 2 * mass[h];
        }

        return h;
    }

    private double[] HalfMass()
    {
        if (_halfMass is null)
        {
            var limit = checked((int)Math.Min(int.MaxValue - 1, Math.Ceiling((12 * _sigma) + 12)));
            var mass = new double[limit + 1];
            var twoSigmaSquared = 2 * _sigma * _sigma;
            for (var x = 0; x <= limit; x++)
            {
                mass[x] = Math.Exp(-(double)x * x / twoSigmaSquared);
            }

            _halfMass = mass;
        }

        return _halfMass;
    }

    private static BigInteger IntegerSquareRoot(BigInteger value)
    {
        if (value < 2)
        {
            return value;
        }

        // Newton's iteration on integers, from an upper estimate.
        var x = BigInteger.One << (int)((value.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (x + (value / x)) / 2;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }
}
