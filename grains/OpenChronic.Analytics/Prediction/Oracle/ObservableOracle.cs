using OpenChronic.Analytics.Prediction.Features;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Prediction.Oracle;

/// <summary>
/// The observable-signal oracle: the generator's true risk, except that a pre-clinical phase that has left none of its
/// planted traces (<see cref="PlantedTrace"/>) in the claims before the index date counts as unseen, and that ALD's
/// risk is replaced by the person's risk of the year before (before the phase began). An upper reference for a model
/// that reads the claims: it knows the exact hazard and the exact stage once a trace is there, but not a phase nothing
/// shows yet. Several ALDs combine as 1 − Π(1 − risk).
/// </summary>
public static class ObservableOracle
{
    /// <summary>
    /// The oracle's risk: <paramref name="risk"/> (all target ALDs combined) with each untraced phase's risk swapped for
    /// its previous-year risk; NaN when the risk is unknown.
    /// </summary>
    public static float Risk(ReadOnlySpan<CareEvent> events, int indexDay, float risk, ReadOnlySpan<PhaseAtIndex> phases)
    {
        if (float.IsNaN(risk))
        {
            return float.NaN;
        }

        var keep = 1 - (double)risk;
        foreach (var phase in phases)
        {
            if (float.IsNaN(phase.PreviousRisk) || phase.Risk >= 1 || HasTrace(events, phase, indexDay))
            {
                continue;
            }

            keep *= (1 - (double)phase.PreviousRisk) / (1 - (double)phase.Risk);
        }

        return (float)Math.Clamp(1 - keep, 0, 1);
    }

    /// <summary>Whether a trace of the phase's ALD falls between the phase's first day (or the trace's window) and the index date.</summary>
    public static bool HasTrace(ReadOnlySpan<CareEvent> events, PhaseAtIndex phase, int indexDay)
    {
        var traces = PlantedTrace.Of(phase.Ald);
        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var e = ref events[i];
            if (e.Day >= indexDay)
            {
                break;
            }

            if (e.Day < phase.StartDay)
            {
                continue;
            }

            foreach (var trace in traces)
            {
                if (e.Day >= phase.OnsetDay - trace.DaysBeforeOnset && trace.Matches(e)
                    && (!trace.Isolated || PatientFeatureExtractor.AloneOfItsKindThatDay(events, i)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
