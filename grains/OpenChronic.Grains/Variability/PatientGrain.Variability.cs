using System.Collections.Immutable;
using OpenChronic.Analytics.Variability.Indicators;

namespace OpenChronic.Grains;

/// <summary>The patient grain's variability side: evaluates catalogue indicators on the resident timeline.</summary>
public sealed partial class PatientGrain : IPatientVariability
{
    public ValueTask<VariabilityCounts> EvaluateIndicatorsAsync(ImmutableArray<VariabilityRequest> requests)
    {
        var resolved = requests.IsDefault ? [] : requests.Select(VariabilityRequests.Resolve).ToArray();
        var profile = state.State.Profile;
        if (profile is null || resolved.Length == 0)
        {
            return ValueTask.FromResult(new VariabilityCounts([]));
        }

        var events = _timeline!.Events;
        var pathway = deriver.Derive(events, [.. requests.Select(r => r.Year).Distinct().Order()]);
        var demographics = new PatientDemographics(profile.Sex, profile.BirthYear, profile.Departement, profile.DeathDay);
        var cells = ImmutableArray.CreateBuilder<VariabilityCell>();
        for (var i = 0; i < resolved.Length; i++)
        {
            var (evaluator, level) = resolved[i];
            foreach (var c in evaluator.Evaluate(events, pathway, demographics, requests[i].Year, level, requests[i].DataEndDay))
            {
                cells.Add(new VariabilityCell(i, c.Unit, c.Stratum, c.Denominator, c.Numerator, 1, c.Numerator > 0 ? 1 : 0));
            }
        }

        return ValueTask.FromResult(new VariabilityCounts(cells.ToImmutable()));
    }
}
