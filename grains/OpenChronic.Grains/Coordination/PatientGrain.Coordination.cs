using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Grains;

/// <summary>Coordination measures of the patient: computed here from the resident timeline, aggregated by the partition.</summary>
public sealed partial class PatientGrain : IPatientCoordination
{
    public ValueTask<PatientCoordination> GetCoordinationAsync(CoordinationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = _timeline!.Events;

        // UPC against the declared médecin traitant (PRS_MTT_NUM, most recent declaration); NaN when none was declared.
        var continuity = PatientContinuity.Compute(events, query.Year, state.State.DeclaredGp?.Number ?? 0);
        var stays = DischargeFollowUp.Find(events, CoordinationWire.Options(query))
            .Where(s => DateOnly.FromDayNumber(s.DischargeDay).Year == query.Year)
            .Select(CoordinationWire.From);
        var (keys, kinds) = CoordinationWire.Providers(events, query.Year, query.ProviderSalt);
        var territory = state.State.Profile?.Departement is { Length: > 0 } d ? d : "unknown";
        return ValueTask.FromResult(new PatientCoordination(territory, CoordinationWire.From(continuity.Physicians),
            CoordinationWire.From(continuity.GeneralPractice), [.. stays], keys, kinds));
    }

    /// <summary>Keeps the most recent declared médecin traitant (a unit of a later month may carry a new one).</summary>
    private void Declare(GpDeclaration? declaration)
    {
        if (declaration is { Number: not 0 } d && (state.State.DeclaredGp is not { } known || d.Day >= known.Day))
        {
            state.State.DeclaredGp = d;
        }
    }
}
