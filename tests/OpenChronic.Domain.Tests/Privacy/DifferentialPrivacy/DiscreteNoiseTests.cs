using OpenChronic.Domain.Privacy.DifferentialPrivacy;

namespace OpenChronic.Domain.Tests.Privacy.DifferentialPrivacy;

public sealed class DiscreteNoiseTests
{
    private const int Samples = 60_000;

    public static TheoryData<long, long> LaplaceScales => new() { { 1, 2 }, { 2, 1 }, { 10, 1 }, { 100, 1 } };

    public static TheoryData<long, long> GaussianVariances => new() { { 1, 4 }, { 4, 1 }, { 100, 1 }, { 10_000, 1 } };

    [Theory]
    [MemberData(nameof(LaplaceScales))]
    public void DiscreteLaplace_Samples_MatchMomentsAndTails(long numerator, long denominator)
    {
        var noise = new DiscreteLaplace(Rational.Of(numerator, denominator));
        var t = (double)numerator / denominator;
        var theory = new NoiseMoments(x => Math.Exp(-Math.Abs(x) / t), (long)Math.Ceiling(60 * t) + 60);

        Assert.Equal(theory.Variance, noise.Variance, theory.Variance * 1e-9);
        CheckSamples(noise, theory, seed: (ulong)(numerator * 1000 + denominator), scale: t);
    }

    [Theory]
    [MemberData(nameof(GaussianVariances))]
    public void DiscreteGaussian_Samples_MatchMomentsAndTails(long numerator, long denominator)
    {
        var noise = new DiscreteGaussian(Rational.Of(numerator, denominator));
        var sigmaSquared = (double)numerator / denominator;
        var sigma = Math.Sqrt(sigmaSquared);
        var theory = new NoiseMoments(x => Math.Exp(-(double)x * x / (2 * sigmaSquared)), (long)Math.Ceiling(15 * sigma) + 15);

        Assert.Equal(theory.Variance, noise.Variance, theory.Variance * 1e-9);
        CheckSamples(noise, theory, seed: (ulong)(numerator * 7919 + denominator), scale: sigma);
    }

    [Fact]
    public void DiscreteLaplace_ScaleTen_NinetyFivePercentHalfWidthIsThirty()
    {
        // p = e^-0.1; P(|X| ≥ 31) = 2e^-3.1/(1 + e^-0.1) ≈ 0.0473 ≤ 0.05 < P(|X| ≥ 30) ≈ 0.0523.
        var noise = new DiscreteLaplace(Rational.Of(10, 1));

        Assert.Equal(30, noise.ConfidenceHalfWidth(0.95));
        Assert.Equal(0.0473, noise.TailProbability(31), 4);
        Assert.Equal(0.0523, noise.TailProbability(30), 4);
    }

    [Fact]
    public void DiscreteLaplace_ForEpsilon_ScaleIsSensitivityOverEpsilon() =>
        Assert.Equal(Rational.Of(6, 1), DiscreteLaplace.ForEpsilon(Rational.Of(1, 2), l1Sensitivity: 3).Scale);

    [Fact]
    public void DiscreteGaussian_ForRho_VarianceParameterIsSensitivitySquaredOverTwoRho() =>
        Assert.Equal(Rational.Of(8, 1), DiscreteGaussian.ForRho(Rational.Of(1, 4), Rational.Of(4, 1)).SigmaSquared);

    [Fact]
    public void Sample_SameSeed_SameNoise()
    {
        var noise = new DiscreteGaussian(Rational.Of(9, 2));
        var a = ChaCha20RandomBits.FromSeed(5);
        var b = ChaCha20RandomBits.FromSeed(5);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(noise.Sample(a), noise.Sample(b));
        }
    }

    private static void CheckSamples(IIntegerNoise noise, NoiseMoments theory, ulong seed, double scale)
    {
        var bits = ChaCha20RandomBits.FromSeed(seed);
        var draws = new long[Samples];
        double sum = 0;
        for (var i = 0; i < Samples; i++)
        {
            draws[i] = noise.Sample(bits);
            sum += draws[i];
        }

        var mean = sum / Samples;
        double squares = 0;
        foreach (var x in draws)
        {
            squares += (double)x * x;
        }

        // Mean: 5 standard errors sqrt(Var/N). Second moment (the mean is 0): 5 standard errors sqrt((μ4 − σ⁴)/N).
        var meanTolerance = 5 * Math.Sqrt(theory.Variance / Samples);
        Assert.InRange(mean, -meanTolerance, meanTolerance);
        var secondMoment = squares / Samples;
        var varianceTolerance = 5 * Math.Sqrt((theory.FourthMoment - (theory.Variance * theory.Variance)) / Samples);
        Assert.InRange(secondMoment, theory.Variance - varianceTolerance, theory.Variance + varianceTolerance);

        foreach (var k in new[] { 1L, (long)Math.Ceiling(scale), (long)Math.Ceiling(2 * scale), (long)Math.Ceiling(3 * scale) })
        {
            var expected = theory.Tail(k);
            Assert.Equal(expected, noise.TailProbability(k), 1e-9);
            var observed = draws.Count(x => Math.Abs(x) >= k) / (double)Samples;
            var tolerance = (5 * Math.Sqrt(expected * (1 - expected) / Samples)) + 1e-9;
            Assert.InRange(observed, expected - tolerance, expected + tolerance);
        }

        var halfWidth = noise.ConfidenceHalfWidth(0.95);
        Assert.True(theory.Tail(halfWidth + 1) <= 0.05 && (halfWidth == 0 || theory.Tail(halfWidth) > 0.05));
        var covered = draws.Count(x => Math.Abs(x) <= halfWidth) / (double)Samples;
        Assert.True(covered >= 0.95 - (5 * Math.Sqrt(0.95 * 0.05 / Samples)), $"coverage {covered}");
    }
}
