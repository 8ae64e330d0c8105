using System.Globalization;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// Continuity indices of one patient and year from a timeline: the consultations of physicians (specialty &gt; 0, the
/// professional in <see cref="CareEvent.Detail"/>) in the community (no <see cref="CareEventTraits.Hospital"/> trait,
/// unless asked), over all physicians and over general practitioners only (specialties 1, 22, 23).
/// </summary>
public static class PatientContinuity
{
    /// <summary>
    /// Indices for <paramref name="year"/>. <paramref name="declaredGp"/> is the packed number of the declared
    /// <i>médecin traitant</i> (PRS_MTT_NUM) or 0 when the extract does not carry it (then the declared UPC is NaN).
    /// Regularisation lines (negative value) and consultations without a professional are skipped.
    /// </summary>
    public static PatientYearContinuity Compute(ReadOnlySpan<CareEvent> timeline, int year, ulong declaredGp = 0, bool includeHospital = false) =>
        Compute(timeline, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), declaredGp, includeHospital);

    /// <summary>
    /// Indices over the visits dated <paramref name="from"/> to <paramref name="to"/> (inclusive): a study period of
    /// several years pools their visits, so that the indices of patients with few visits a year are less noisy.
    /// </summary>
    public static PatientYearContinuity Compute(ReadOnlySpan<CareEvent> timeline, DateOnly from, DateOnly to, ulong declaredGp = 0, bool includeHospital = false)
    {
        var all = new List<Visit>();
        var gps = new List<Visit>();
        int first = from.DayNumber, last = to.DayNumber;
        foreach (ref readonly var e in timeline)
        {
            if (!IsPhysicianVisit(e, includeHospital) || e.Day < first || e.Day > last)
            {
                continue;
            }

            var gp = HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty);
            var visit = new Visit(ProviderId(e.Detail), e.Date, gp);
            all.Add(visit);
            if (gp)
            {
                gps.Add(visit);
            }
        }

        var declared = declaredGp == 0 ? null : ProviderId(declaredGp);
        return new PatientYearContinuity(
            ContinuityIndices.Compute(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all), declared),
            ContinuityIndices.Compute(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(gps), declared));
    }

    /// <summary>True for a physician's consultation with a known professional, in the community unless <paramref name="includeHospital"/>.</summary>
    public static bool IsPhysicianVisit(in CareEvent e, bool includeHospital = false) =>
        e.Kind == CareEventKind.Consultation && e.Specialty > 0 && e.Detail != 0 && e.Value >= 0
        && (includeHospital || (e.Traits & CareEventTraits.Hospital) == 0);

    /// <summary>The provider key used inside the indices (the packed number in hexadecimal; never published).</summary>
    public static string ProviderId(ulong packed) => packed.ToString("x16", CultureInfo.InvariantCulture);
}

/// <summary>A patient's indices for one year (or a study period): over all community physicians and over general practitioners only.</summary>
public readonly record struct PatientYearContinuity(ContinuityResult Physicians, ContinuityResult GeneralPractice);
