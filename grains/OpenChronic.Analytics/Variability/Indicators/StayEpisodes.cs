using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>
/// Hospitalisation episodes of a timeline: stays chained by transfers (an admission on or before the episode's
/// discharge day) form one episode, discharged by its last-ending stay, whose establishment is the episode's.
/// </summary>
internal static class StayEpisodes
{
    /// <summary>An episode: first and last timeline index of its stays, admission, discharge and discharging establishment.</summary>
    public readonly record struct Episode(int First, int Last, int Admission, int Discharge, ulong Establishment);

    public static List<Episode> Build(ReadOnlySpan<CareEvent> timeline)
    {
        var episodes = new List<Episode>();
        for (var i = 0; i < timeline.Length; i++)
        {
            ref readonly var e = ref timeline[i];
            if (e.Kind != CareEventKind.HospitalStay)
            {
                continue;
            }

            var end = Math.Max(e.Day, e.EndDay);
            if (episodes.Count > 0 && e.Day <= episodes[^1].Discharge)
            {
                var last = episodes[^1];
                episodes[^1] = end >= last.Discharge
                    ? last with { Last = i, Discharge = end, Establishment = e.Detail }
                    : last with { Last = i };
            }
            else
            {
                episodes.Add(new Episode(i, i, e.Day, end, e.Detail));
            }
        }

        return episodes;
    }
}
