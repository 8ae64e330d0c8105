using System.Globalization;
using System.Numerics;

namespace OpenChronic.Domain.Privacy.DifferentialPrivacy;

/// <summary>
/// An exact non-negative rational number, always reduced, with a positive denominator. Noise parameters are
/// held as rationals so that the exact samplers never round a probability (Canonne, Kamath and Steinke 2020).
/// </summary>
public readonly record struct Rational
{
    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator (non-negative).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The denominator (positive).</summary>
    public BigInteger Denominator { get; }

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>, reduced.</summary>
    public static Rational Of(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "The denominator must be positive.");
        }

        if (numerator.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "Noise parameters are non-negative.");
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        return divisor.IsZero || divisor.IsOne
            ? new Rational(numerator, denominator)
            : new Rational(numerator / divisor, denominator / divisor);
    }

    /// <summary>The exact value of a finite non-negative double (every double is a dyadic rational).</summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Expected a finite non-negative number.");
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & ((1L << 52) - 1);
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        // value = mantissa * 2^(exponent - 1075)
        var power = exponent - 1075;
        return power >= 0
            ? Of(new BigInteger(mantissa) << power, BigInteger.One)
            : Of(mantissa, BigInteger.One << -power);
    }

    /// <summary>The value as a double (for reporting only, never for a sampling decision).</summary>
    public double ToDouble() => Math.Exp(BigInteger.Log(Numerator) - BigInteger.Log(Denominator));

    /// <summary>This value divided by <paramref name="other"/>.</summary>
    public Rational DivideBy(Rational other) =>
        other.Numerator.IsZero
            ? throw new DivideByZeroException("Division of a noise parameter by zero.")
            : Of(Numerator * other.Denominator, Denominator * other.Numerator);

    /// <summary>This value multiplied by <paramref name="other"/>.</summary>
    public Rational Multiply(Rational other) => Of(Numerator * other.Numerator, Denominator * other.Denominator);

    /// <inheritdoc />
    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
