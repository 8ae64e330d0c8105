using OpenChronic.Analytics.Coordination;

namespace OpenChronic.Grains;

/// <summary>Coordination measures of the patient: computed here from the resident timeline, aggregated by the partition.</summary>
public sealed partial class PatientGrain : IPatientCoordination
{
    public ValueTask<PatientCoordination> GetCoordinationAsync(CoordinationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var events = _timeline!.Events;

        // The extract carries no declared médecin traitant (PRS_MTT_NUM is not filled): the declared UPC stays undefined.
        var continuity = PatientContinuity.Compute(events, query.Year);
        var stays = DischargeFollowUp.Find(events, CoordinationWire.Options(query))
            .Where(s => DateOnly.FromDayNumber(s.DischargeDay).Year == query.Year)
            .Select(CoordinationWire.From);
        var (keys, kinds) = CoordinationWire.Providers(events, query.Year, query.ProviderSalt);
        var territory = state.State.Profile?.Departement is { Length: > 0 } d ? d : "unknown";
        return ValueTask.FromResult(new PatientCoordination(territory, CoordinationWire.From(continuity.Physicians),
            CoordinationWire.From(continuity.GeneralPractice), [.. stays], keys, kinds));
    }
}
