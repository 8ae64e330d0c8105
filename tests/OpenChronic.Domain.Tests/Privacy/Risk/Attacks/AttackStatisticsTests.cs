using OpenChronic.Domain.Privacy.Risk.Attacks;

namespace OpenChronic.Domain.Tests.Privacy.Risk.Attacks;

public sealed class AttackStatisticsTests
{
    [Fact]
    public void NormalQuantile_NinetySevenAndAHalf_Is196() =>
        Assert.Equal(1.959964, AttackStatistics.NormalQuantile(0.975), 6);

    [Fact]
    public void Wilson_AllSuccesses_HandComputed()
    {
        // centre = (500 + z²/2)/(500 + z²) = 501.9207/503.8415; error = z/(500 + z²)·√(z²/4)
        var rate = AttackStatistics.Wilson(500, 500);

        Assert.Equal(0.996188, rate.Value, 6);
        Assert.Equal(0.003812, rate.Error, 6);
    }

    [Fact]
    public void Residual_HandComputed()
    {
        // (0.8 − 0.2)/(1 − 0.2) = 0.75; error √((0.02·1.25)² + (0.03·0.3125)²) = 0.026700
        var risk = AttackStatistics.Residual(new SuccessRate(0.8, 0.02), new SuccessRate(0.2, 0.03));

        Assert.Equal(0.75, risk.Value, 12);
        Assert.Equal(0.75 - 0.026700, risk.Lower, 5);
        Assert.Equal(0.75 + 0.026700, risk.Upper, 5);
    }

    [Fact]
    public void Residual_ControlBetterThanAttack_ClippedToZero()
    {
        var risk = AttackStatistics.Residual(new SuccessRate(0.1, 0.01), new SuccessRate(0.3, 0.01));

        Assert.Equal(0, risk.Value);
        Assert.Equal(0, risk.Upper);
    }
}
