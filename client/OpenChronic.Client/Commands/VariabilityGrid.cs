using System.Collections.Immutable;
using OpenChronic.Analytics.Variability.Indicators;
using OpenChronic.Grains;

namespace OpenChronic.Client.Commands;

/// <summary>Asks the 64 partitions of a grid for indicator counts and merges them (partitions hold disjoint patients).</summary>
internal static class VariabilityGrid
{
    public static async Task<IndicatorTally[]> CountAsync(IGrainFactory grains, ImmutableArray<VariabilityRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var tallies = requests.Select(_ => new IndicatorTally()).ToArray();
        var partitions = await Task.WhenAll(Enumerable.Range(0, Partitions.Count)
            .Select(p => grains.GetGrain<IPartitionVariability>(p).CountIndicatorsAsync(requests).AsTask().WaitAsync(cancellationToken)));
        foreach (var counts in partitions)
        {
            foreach (var c in counts.Cells)
            {
                tallies[c.Request].Add(new UnitStratumCount(c.Unit, c.Stratum, c.Denominator, c.Numerator, c.Persons, c.NumeratorPersons));
            }
        }

        return tallies;
    }

    /// <summary>Last day the database covers: 31 December of its last year.</summary>
    public static int DataEndDay(IReadOnlyList<int> years) => new DateOnly(years.Max(), 12, 31).DayNumber;

    /// <summary>Null when the indicator can be computed for <paramref name="year"/> on a database of <paramref name="years"/>, else why not.</summary>
    public static string? CheckYear(IndicatorDefinition indicator, int year, IReadOnlyList<int> years)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(years);
        var first = indicator.Index == IndicatorIndex.Patient ? year - indicator.Outcome.Years + 1 : year;
        for (var y = first; y <= year; y++)
        {
            if (!years.Contains(y))
            {
                return $"'{indicator.Id}' for {year} needs year {y}, which the database does not hold (years {string.Join(", ", years)}).";
            }
        }

        return null;
    }
}
