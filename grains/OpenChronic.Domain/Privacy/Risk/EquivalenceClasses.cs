using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Risk;

/// <summary>
/// A release described by its equivalence classes: the number of released records sharing each combination of
/// quasi-identifier values, and optionally the number of people in the population sharing it. Suppressed
/// records are not a class and must be left out.
/// </summary>
public sealed class EquivalenceClasses
{
    /// <summary>Creates the description; every class has at least one record, and F ≥ f when given.</summary>
    public EquivalenceClasses(IReadOnlyList<int> sampleSizes, IReadOnlyList<long>? populationSizes = null)
    {
        ArgumentNullException.ThrowIfNull(sampleSizes);
        if (sampleSizes.Count == 0)
        {
            throw new ArgumentException("A release has at least one class.", nameof(sampleSizes));
        }

        if (populationSizes is not null && populationSizes.Count != sampleSizes.Count)
        {
            throw new ArgumentException("One population size per class is needed.", nameof(populationSizes));
        }

        long records = 0;
        for (var i = 0; i < sampleSizes.Count; i++)
        {
            if (sampleSizes[i] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleSizes), sampleSizes[i], $"Class {i} has no record.");
            }

            if (populationSizes is not null && populationSizes[i] < sampleSizes[i])
            {
                throw new ArgumentOutOfRangeException(nameof(populationSizes), populationSizes[i], $"Class {i} is larger in the sample than in the population.");
            }

            records += sampleSizes[i];
        }

        SampleSizes = [.. sampleSizes];
        PopulationSizes = populationSizes is null ? null : [.. populationSizes];
        RecordCount = records;
    }

    /// <summary>f_k: released records per class.</summary>
    public ImmutableArray<int> SampleSizes { get; }

    /// <summary>F_k: population members per class, when known.</summary>
    public ImmutableArray<long>? PopulationSizes { get; }

    /// <summary>n: released records.</summary>
    public long RecordCount { get; }

    /// <summary>The number of classes.</summary>
    public int ClassCount => SampleSizes.Length;

    /// <summary>c_j: the number of classes of each size j, by increasing size.</summary>
    public ImmutableSortedDictionary<int, long> SizeHistogram() =>
        SampleSizes.GroupBy(s => s).ToImmutableSortedDictionary(g => g.Key, g => (long)g.Count());

    /// <summary>Builds the classes from the rows of a table, keyed by their quasi-identifier values.</summary>
    public static EquivalenceClasses FromRows<TKey>(IEnumerable<TKey> quasiIdentifierKeys)
        where TKey : notnull =>
        new(quasiIdentifierKeys.GroupBy(k => k).Select(g => g.Count()).ToList());
}
