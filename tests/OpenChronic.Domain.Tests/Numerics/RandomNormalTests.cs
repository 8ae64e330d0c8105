using OpenChronic.Domain.Numerics;

namespace OpenChronic.Domain.Tests.Numerics;

public sealed class RandomNormalTests
{
    [Fact]
    public void NextStandardNormal_SameSeed_SameSequence()
    {
        var a = new Random(42);
        var b = new Random(42);

        Assert.Equal(Enumerable.Range(0, 5).Select(_ => a.NextStandardNormal()), Enumerable.Range(0, 5).Select(_ => b.NextStandardNormal()));
    }

    [Fact]
    public void NextStandardNormal_ManyDraws_MeanZeroVarianceOne()
    {
        var random = new Random(7);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextStandardNormal()).ToArray();

        var mean = draws.Average();
        var variance = draws.Select(x => (x - mean) * (x - mean)).Sum() / (draws.Length - 1);
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(draws.Count(x => Math.Abs(x) < 1.959964) / (double)draws.Length, 0.947, 0.953);
    }
}
