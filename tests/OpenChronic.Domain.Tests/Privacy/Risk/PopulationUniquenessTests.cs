using System.Collections.Immutable;
using OpenChronic.Domain.Privacy.Risk;

namespace OpenChronic.Domain.Tests.Privacy.Risk;

public sealed class PopulationUniquenessTests
{
    [Fact]
    public void Zayatz_HandComputed()
    {
        // N = 10, n = 4, classes 1, 1, 2. P₁(1) = 4/10; P₁(2) = 2·(4/10)·(6/9) = 0.5333.
        // P(unique) = 2·0.4/(2·0.4 + 0.5333) = 0.6; uniques = 2·0.6/0.4 = 3.
        var estimate = PopulationUniqueness.Estimate(new EquivalenceClasses([1, 1, 2]), populationSize: 10);

        Assert.Equal(3.0, estimate.Zayatz, 12);
    }

    [Fact]
    public void Estimate_NoSampleUnique_IsZero()
    {
        var estimate = PopulationUniqueness.Estimate(new EquivalenceClasses([2, 3, 5]), 1_000);

        Assert.Equal(PopulationUniquenessModel.None, estimate.DankarModel);
        Assert.Equal(0, estimate.Dankar);
    }

    [Fact]
    public void Snb_ExpectedSampleCounts_MatchSimulationOfTheModel()
    {
        var (population, _) = SnbPopulation(classes: 20_000, a: 2, b: 0.4, seed: 1);
        var sample = Sample(population, 0.3, seed: 2);
        var histogram = Histogram(sample);

        var (c1, c2) = SnbModel.Expected(20_000, 0.3, 2, 0.4);

        // Poisson-like counts of a few thousand: 5 % is several standard errors.
        Assert.InRange(histogram.GetValueOrDefault(1), c1 * 0.95, c1 * 1.05);
        Assert.InRange(histogram.GetValueOrDefault(2), c2 * 0.95, c2 * 1.05);
    }

    [Fact]
    public void Snb_KnownClassCount_RecoversPopulationUniques()
    {
        var (population, trueUniques) = SnbPopulation(classes: 20_000, a: 2, b: 0.4, seed: 3);
        var sample = Sample(population, 0.3, seed: 4);

        var uniques = SnbModel.Estimate(Histogram(sample), sample.Sum(), population.Sum(), populationClasses: 20_000);

        // Measured: 3,264 against 3,202 true uniques.
        Assert.InRange(uniques, trueUniques * 0.9, trueUniques * 1.1);
    }

    [Fact]
    public void Estimate_SnbPopulationLargeSample_DankarTakesSmallerOfZayatzAndSnb()
    {
        var (population, trueUniques) = SnbPopulation(classes: 20_000, a: 2, b: 0.4, seed: 3);
        var sample = Sample(population, 0.3, seed: 4);

        var estimate = PopulationUniqueness.Estimate(new EquivalenceClasses(sample), population.Sum());

        // With K estimated from the sample (21,585 for 20,000) the SNB estimate is 4,334 for 3,202 true uniques;
        // Zayatz gives 9,954. The rule keeps the smaller, which is within a factor 1.5 of the truth.
        Assert.Equal(PopulationUniquenessModel.Snb, estimate.DankarModel);
        Assert.Equal(Math.Min(estimate.Zayatz, estimate.Snb), estimate.Dankar);
        Assert.InRange(estimate.Dankar, trueUniques / 1.5, trueUniques * 1.5);
    }

    [Fact]
    public void Estimate_PitmanPopulationSmallSample_DankarUsesPitmanNearTruth()
    {
        var (population, trueUniques) = PitmanYorPopulation(size: 200_000, theta: 1_000, alpha: 0.5, seed: 5);
        var sample = Sample(population, 0.05, seed: 6);

        var estimate = PopulationUniqueness.Estimate(new EquivalenceClasses(sample), population.Sum());

        // Measured: Pitman 14,495 for 13,790 true uniques (Zayatz 22,691, SNB 12,004); f ≈ 0.05 ≤ 0.1.
        Assert.Equal(PopulationUniquenessModel.Pitman, estimate.DankarModel);
        Assert.InRange(estimate.Pitman, trueUniques * 0.8, trueUniques * 1.2);
    }

    private static ImmutableSortedDictionary<int, long> Histogram(List<int> sizes) =>
        sizes.GroupBy(s => s).ToImmutableSortedDictionary(g => g.Key, g => (long)g.Count());

    private static List<int> Sample(List<int> population, double fraction, int seed)
    {
        var random = new Random(seed);
        var sample = new List<int>();
        foreach (var size in population)
        {
            var kept = 0;
            for (var i = 0; i < size; i++)
            {
                kept += random.NextDouble() < fraction ? 1 : 0;
            }

            if (kept > 0)
            {
                sample.Add(kept);
            }
        }

        return sample;
    }

    private static (List<int> Sizes, int Uniques) SnbPopulation(int classes, int a, double b, int seed)
    {
        // F = 1 + G, G a sum of a geometric(b) failure counts, i.e. negative binomial (a, b).
        var random = new Random(seed);
        var sizes = new List<int>(classes);
        for (var k = 0; k < classes; k++)
        {
            var g = 0;
            for (var i = 0; i < a; i++)
            {
                while (random.NextDouble() >= b)
                {
                    g++;
                }
            }

            sizes.Add(1 + g);
        }

        return (sizes, sizes.Count(s => s == 1));
    }

    private static (List<int> Sizes, int Uniques) PitmanYorPopulation(int size, double theta, double alpha, int seed)
    {
        // Chinese restaurant process with discount α and concentration θ.
        var random = new Random(seed);
        var tables = new List<int>();
        var seatOf = new List<int>(size);
        for (var i = 0; i < size; i++)
        {
            if (random.NextDouble() * (theta + i) < theta + (tables.Count * alpha))
            {
                tables.Add(1);
                seatOf.Add(tables.Count - 1);
                continue;
            }

            // An existing table with probability ∝ n_k − α: a uniform earlier customer's table (∝ n_k),
            // accepted with probability (n_k − α)/n_k.
            while (true)
            {
                var table = seatOf[random.Next(i)];
                if (random.NextDouble() * tables[table] < tables[table] - alpha)
                {
                    tables[table]++;
                    seatOf.Add(table);
                    break;
                }
            }
        }

        return (tables, tables.Count(t => t == 1));
    }
}
