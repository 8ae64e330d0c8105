using System.Collections.Immutable;
using OpenChronic.Analytics.Variability.Indicators;

namespace OpenChronic.Grains;

/// <summary>The partition grain's variability side: fans indicator evaluation out to its members and merges their counts.</summary>
public sealed partial class PartitionGrain : IPartitionVariability
{
    // Bounded parallelism: enough calls in flight to keep the silo busy without queuing the whole partition at once.
    private const int VariabilityWave = 256;

    public async ValueTask<VariabilityCounts> CountIndicatorsAsync(ImmutableArray<VariabilityRequest> requests)
    {
        if (requests.IsDefaultOrEmpty)
        {
            return new VariabilityCounts([]);
        }

        // Fails here, once, on an unknown indicator or level rather than in every patient.
        foreach (var r in requests)
        {
            VariabilityRequests.Resolve(r);
        }

        var tallies = requests.Select(_ => new IndicatorTally()).ToArray();
        var members = _members.Order().ToArray();
        for (var start = 0; start < members.Length; start += VariabilityWave)
        {
            var wave = members.Skip(start).Take(VariabilityWave)
                .Select(m => GrainFactory.GetGrain<IPatientVariability>(m).EvaluateIndicatorsAsync(requests).AsTask());
            foreach (var counts in await Task.WhenAll(wave))
            {
                foreach (var cell in counts.Cells)
                {
                    tallies[cell.Request].Add(VariabilityRequests.ToCount(cell));
                }
            }
        }

        return new VariabilityCounts([.. tallies.SelectMany((t, i) => t.Cells.Select(c => VariabilityRequests.ToCell(i, c)))]);
    }
}
