using System.Numerics;
using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class RationalTests
{
    [Fact]
    public void FromDouble_OneTenth_IsItsExactBinaryValue()
    {
        var tenth = Rational.FromDouble(0.1);

        Assert.Equal(new BigInteger(3602879701896397), tenth.Numerator);
        Assert.Equal(BigInteger.One << 55, tenth.Denominator);
    }

    [Fact]
    public void Of_Unreduced_IsReduced()
    {
        var value = Rational.Of(6, 4);

        Assert.Equal("3/2", value.ToString());
        Assert.Equal(1.5, value.ToDouble(), 12);
    }

    [Fact]
    public void DivideBy_SensitivityOverEpsilon_GivesExactScale() =>
        Assert.Equal(Rational.Of(20, 1), Rational.Of(2, 1).DivideBy(Rational.Of(1, 10)));

    [Fact]
    public void Of_ZeroDenominator_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rational.Of(1, 0));
}
