using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Analytics.Prediction.Oracle;
using OpenChronic.Grains.Prediction;

namespace OpenChronic.Grains;

/// <summary>Prediction features (issue 8): the row of this patient for a task, computed from the resident timeline.</summary>
public sealed partial class PatientGrain : IPatientFeatures
{
    public ValueTask<FeatureBlockMessage> ExtractFeaturesAsync(FeatureRequest request, TruthReference? reference)
    {
        var task = FeatureWire.ToTask(request);
        var events = _timeline!.Events;
        var beforeIndex = events[.._timeline.FirstOnOrAfter(task.IndexDay)];

        // Conditions are derived from the events before index only, so that nothing after index leaks into features.
        var conditions = deriver.Derive(beforeIndex, [task.IndexYear - 1]).Conditions.Select(c => c.ConditionId).Distinct();
        var profile = state.State.Profile is { } p ? new FeatureProfile(p.Sex, p.BirthYear, p.Departement, p.DeathDay) : null;
        var builder = new FeatureBlockBuilder(SequenceChannels.Months, SequenceChannels.Count);
        var risk = reference?.Risk ?? float.NaN;
        var oracle = reference is null ? float.NaN
            : ObservableOracle.Risk(events, task.IndexDay, risk, [.. reference.Phases.Select(f => new PhaseAtIndex(f.Ald, f.StartDay, f.OnsetDay, f.Risk, f.PreviousRisk))]);
        var outcome = new PatientFeatureExtractor().TryAdd(builder, task, events, profile, conditions, risk, oracle);
        var attrition = new int[TaskEligibility.OutcomeCount];
        attrition[(int)outcome] = 1;
        return ValueTask.FromResult(FeatureWire.ToMessage(builder.Build(), attrition));
    }
}
