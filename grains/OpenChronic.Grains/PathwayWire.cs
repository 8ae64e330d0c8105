using OpenChronic.Domain.Pathways;

namespace OpenChronic.Grains;

/// <summary>Maps the domain's <see cref="PatientPathway"/> to its wire record at the grain edge.</summary>
internal static class PathwayWire
{
    public static PatientDerived From(PatientPathway pathway) => new(
        [.. pathway.Conditions.Select(c => new ConditionYearWire(c.ConditionId, c.Year, (byte)c.Evidence))],
        [.. pathway.AldEpisodes.Select(e => new AldEpisodeWire(e.AldNumber, e.Icd10, e.Start.DayNumber, e.End?.DayNumber))],
        [.. pathway.TreatmentLines.Select(l => new TreatmentLineWire(l.ConditionId, l.Line.Number, l.Line.Regimen, l.Line.Start.DayNumber, l.Line.End.DayNumber))],
        [.. pathway.HospitalEpisodes.Select(h => new HospitalEpisodeWire(h.Admission.DayNumber, h.Discharge.DayNumber, h.Stays, h.DaysToGp, h.DaysToSpecialist, h.DaysToReadmission))]);
}
