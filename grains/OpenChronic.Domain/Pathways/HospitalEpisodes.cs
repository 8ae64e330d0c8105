using System.Collections.Immutable;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// A hospitalisation episode: stays chained by transfers (an admission on or before the previous discharge day) are
/// one episode, with the measures that follow its discharge: first GP and specialist contact, GP within 7 and 30 days,
/// and readmission within 30 days.
/// </summary>
/// <param name="Admission">First admission day.</param>
/// <param name="Discharge">Last discharge day.</param>
/// <param name="Stays">Number of stays chained.</param>
/// <param name="DaysToGp">Days from discharge to the first GP contact in the community, or null when none.</param>
/// <param name="DaysToSpecialist">Days from discharge to the first community specialist contact, or null.</param>
/// <param name="DaysToReadmission">Days from discharge to the next episode's admission, or null.</param>
public readonly record struct HospitalEpisode(
    DateOnly Admission,
    DateOnly Discharge,
    int Stays,
    int? DaysToGp,
    int? DaysToSpecialist,
    int? DaysToReadmission)
{
    public bool GpWithin7Days => DaysToGp is <= 7;

    public bool GpWithin30Days => DaysToGp is <= 30;

    public bool ReadmittedWithin30Days => DaysToReadmission is <= 30;
}

/// <summary>Builds hospitalisation episodes and post-discharge contacts from a timeline.</summary>
public static class HospitalEpisodeBuilder
{
    /// <summary>General-practice specialties in IR_SPE_V: 1 médecine générale, 22 and 23 specialists in general medicine.</summary>
    public static bool IsGeneralPractitioner(short specialty) => specialty is 1 or 22 or 23;

    /// <summary>Episodes in admission order; contacts count only community (not hospital) consultations after discharge.</summary>
    public static ImmutableArray<HospitalEpisode> Build(ReadOnlySpan<CareEvent> timeline)
    {
        var stays = new List<(int Start, int End)>();
        foreach (ref readonly var e in timeline)
        {
            if (e.Kind == CareEventKind.HospitalStay)
            {
                stays.Add((e.Day, Math.Max(e.Day, e.EndDay)));
            }
        }

        stays.Sort();
        var chained = new List<(int Start, int End, int Count)>();
        foreach (var (start, end) in stays)
        {
            if (chained.Count > 0 && start <= chained[^1].End)
            {
                var last = chained[^1];
                chained[^1] = (last.Start, Math.Max(last.End, end), last.Count + 1);
            }
            else
            {
                chained.Add((start, end, 1));
            }
        }

        var episodes = ImmutableArray.CreateBuilder<HospitalEpisode>(chained.Count);
        for (var i = 0; i < chained.Count; i++)
        {
            var (start, end, count) = chained[i];
            int? gp = null, specialist = null;
            foreach (ref readonly var e in timeline)
            {
                if (e.Kind != CareEventKind.Consultation || e.Day < end || (e.Traits & CareEventTraits.Hospital) != 0)
                {
                    continue;
                }

                var days = e.Day - end;
                if (IsGeneralPractitioner(e.Specialty))
                {
                    gp ??= days;
                }
                else if (e.Specialty > 0)
                {
                    specialist ??= days;
                }

                if (gp is not null && specialist is not null)
                {
                    break;
                }
            }

            int? readmission = i + 1 < chained.Count ? chained[i + 1].Start - end : null;
            episodes.Add(new HospitalEpisode(DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(end), count, gp, specialist, readmission));
        }

        return episodes.MoveToImmutable();
    }
}
