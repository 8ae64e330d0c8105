using System.Collections.Immutable;
using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Grains;

/// <summary>Coordination: fans the query out to the cohort members in waves and merges their measures per territory.</summary>
public sealed partial class PartitionGrain : IPartitionCoordination
{
    private const int CoordinationWave = 256;

    // The members' providers of the last query, kept (inside the grid) for the care-density pass.
    private readonly Dictionary<Guid, (string Territory, ImmutableArray<ulong> Providers)> _coordinationProviders = [];
    private CoordinationQuery? _coordinationQuery;

    public async ValueTask<ImmutableArray<TerritoryCoordination>> CoordinateAsync(CoordinationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var members = _summaries.Values
            .Where(s => query.Cohort.Length == 0 || s.Conditions.Any(c => c.Year == query.Year && c.Condition == query.Cohort))
            .Select(s => s.Patient)
            .Order()
            .ToArray();
        var territories = new SortedDictionary<string, (CoordinationTally Tally, SharingNetwork Network)>(StringComparer.Ordinal);
        _coordinationProviders.Clear();
        for (var start = 0; start < members.Length; start += CoordinationWave)
        {
            var wave = members[start..Math.Min(start + CoordinationWave, members.Length)];
            var results = await Task.WhenAll(wave.Select(p => GrainFactory.GetGrain<IPatientCoordination>(p).GetCoordinationAsync(query).AsTask()));
            for (var i = 0; i < results.Length; i++)
            {
                var r = results[i];
                if (!territories.TryGetValue(r.Territory, out var t))
                {
                    t = (new CoordinationTally(), new SharingNetwork());
                    territories[r.Territory] = t;
                }

                t.Tally.AddPatient(new PatientYearContinuity(CoordinationWire.ToResult(r.Physicians), CoordinationWire.ToResult(r.GeneralPractice)));
                t.Tally.AddStays([.. r.Stays.Select(CoordinationWire.ToStay)]);
                var providers = new (ulong, ProviderKind)[r.Providers.Length];
                for (var k = 0; k < providers.Length; k++)
                {
                    providers[k] = (r.Providers[k], (ProviderKind)r.ProviderKinds[k]);
                }

                t.Network.AddPatient(providers);
                _coordinationProviders[wave[i]] = (r.Territory, r.Providers);
            }
        }

        _coordinationQuery = query;
        return [.. territories.Select(t => CoordinationWire.From(t.Key, t.Value.Tally, t.Value.Network))];
    }

    public ValueTask<ImmutableArray<TerritoryCoordination>> CareDensityAsync(CoordinationQuery query, ImmutableArray<TerritoryCoordination> networks)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_coordinationQuery is not { } last || last.Cohort != query.Cohort || last.Year != query.Year || last.ProviderSalt != query.ProviderSalt)
        {
            throw new InvalidOperationException("CareDensityAsync needs a CoordinateAsync of the same query first.");
        }

        var merged = networks.ToDictionary(n => n.Territory, CoordinationWire.Network, StringComparer.Ordinal);
        var tallies = new SortedDictionary<string, CoordinationTally>(StringComparer.Ordinal);
        foreach (var (_, (territory, providers)) in _coordinationProviders)
        {
            if (!tallies.TryGetValue(territory, out var tally))
            {
                tally = new CoordinationTally();
                tallies[territory] = tally;
            }

            tally.AddCareDensity(merged.TryGetValue(territory, out var network) ? network.CareDensityOf(providers.AsSpan()) : double.NaN);
        }

        return ValueTask.FromResult<ImmutableArray<TerritoryCoordination>>([.. tallies.Select(t => CoordinationWire.From(t.Key, t.Value, null))]);
    }
}
