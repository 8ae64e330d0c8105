using System.Globalization;
using OpenChronic.Analytics.Pathways;

namespace OpenChronic.Grains;

public sealed partial class PatientGrain : IPatientPatterns
{
    public ValueTask<PatientPatterns> GetPatternsAsync(PatternRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var events = _timeline!.Events;
        var pathway = deriver.Derive(events, request.Years);
        var settings = PathwayPatterns.SettingSequence(events, pathway, state.State.Profile?.DeathDay,
            DateOnly.FromDayNumber(request.ObservedFromDay), DateOnly.FromDayNumber(request.ObservedToDay));
        var kinds = new long[PatternCounts.Kinds];
        foreach (ref readonly var e in events)
        {
            if ((int)e.Kind < kinds.Length)
            {
                kinds[(int)e.Kind]++;
            }
        }

        var conditions = pathway.Conditions.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Year}{PathwayPatterns.Step}{c.ConditionId}")).Distinct(StringComparer.Ordinal).ToArray();
        return ValueTask.FromResult(new PatientPatterns([.. PathwayPatterns.TreatmentSequences(pathway)], settings, conditions, kinds));
    }
}
