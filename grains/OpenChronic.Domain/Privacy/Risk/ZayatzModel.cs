using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// Zayatz, "Estimation of the percent of unique population elements on a microdata file using the sample"
/// (US Census Bureau SRD Report 91/08, 1991). The share of sample uniques that are population uniques is
/// P(unique) = c₁·P₁(1) / Σ_j c_j·P₁(j), where P₁(j) is the hypergeometric probability that a population class of
/// size j shows exactly one record in a sample of n out of N (sample class sizes stand in for population sizes);
/// population uniques = c₁·P(unique)/(n/N).
/// </summary>
public static class ZayatzModel
{
    public static double Estimate(ImmutableSortedDictionary<int, long> histogram, long n, long populationSize)
    {
        double weighted = 0;
        foreach (var (size, count) in histogram)
        {
            weighted += count * Math.Exp(LogProbabilityOfExactlyOne(size, n, populationSize));
        }

        var uniques = histogram[1];
        var conditional = uniques * Math.Exp(LogProbabilityOfExactlyOne(1, n, populationSize)) / weighted;
        return uniques * conditional / ((double)n / populationSize);
    }

    /// <summary>
    /// ln P(X = 1), X hypergeometric (N, j, n): j · n/N · Π_{i=1}^{j−1} (N − n − i + 1)/(N − i).
    /// </summary>
    public static double LogProbabilityOfExactlyOne(int classSize, long n, long populationSize)
    {
        var log = Math.Log(classSize) + Math.Log(n) - Math.Log(populationSize);
        for (var i = 1; i < classSize; i++)
        {
            var outside = populationSize - n - i + 1;
            if (outside <= 0)
            {
                return double.NegativeInfinity;
            }

            log += Math.Log(outside) - Math.Log(populationSize - i);
        }

        return log;
    }
}
