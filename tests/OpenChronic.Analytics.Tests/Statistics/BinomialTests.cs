using OpenChronic.Analytics.Statistics;

namespace OpenChronic.Analytics.Tests.Statistics;

public sealed class BinomialTests
{
    [Fact]
    public void Wilson_MatchesTheHandComputedInterval()
    {
        // 8 of 10 at z = 1.96: (0.4902, 0.9433)
        var (low, high) = Binomial.Wilson(8, 10);
        Assert.Equal(0.4902, low, 4);
        Assert.Equal(0.9433, high, 4);
    }
}
