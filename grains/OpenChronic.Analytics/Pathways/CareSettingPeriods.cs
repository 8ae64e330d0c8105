using System.Collections.Immutable;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Pathways;

/// <summary>
/// Care settings around ALD entry: for a patient whose first ALD registration starts inside the observed data, the
/// most intensive <see cref="CareSetting"/> in each of <see cref="Periods"/> (days relative to the entry day). The
/// periods must be observed entirely (between <c>observedFrom</c> and <c>observedTo</c>), otherwise the patient is
/// left out: a half-observed period would read as "no care".
/// </summary>
public static class CareSettingPeriods
{
    /// <summary>The periods: a year before entry in two halves, then the first year after entry in two halves.</summary>
    public static readonly ImmutableArray<(string Label, int FromDay, int ToDay)> Periods =
    [
        ("12–6 months before", -365, -183),
        ("6–0 months before", -182, -1),
        ("0–6 months after", 0, 182),
        ("6–12 months after", 183, 364),
    ];

    /// <summary>The setting in each period, or null when the patient has no ALD entry with every period observed.</summary>
    public static CareSetting[]? Around(ReadOnlySpan<CareEvent> timeline, DateOnly? entry, int? deathDay, DateOnly observedFrom, DateOnly observedTo)
    {
        if (entry is not { } start)
        {
            return null;
        }

        var day = start.DayNumber;
        if (day + Periods[0].FromDay < observedFrom.DayNumber || day + Periods[^1].ToDay > observedTo.DayNumber)
        {
            return null;
        }

        var settings = new CareSetting[Periods.Length];
        for (var p = 0; p < Periods.Length; p++)
        {
            var from = day + Periods[p].FromDay;
            var to = day + Periods[p].ToDay;
            settings[p] = deathDay is { } death && death < from ? CareSetting.Deceased : SettingIn(timeline, from, to);
        }

        return settings;
    }

    /// <summary>The most intensive setting among the events of days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static CareSetting SettingIn(ReadOnlySpan<CareEvent> timeline, int from, int to)
    {
        var best = CareSetting.NoCare;
        foreach (ref readonly var e in timeline)
        {
            if (e.Day < from || e.Day > to || e.Value < 0)
            {
                continue;
            }

            var setting = e.Kind switch
            {
                CareEventKind.HospitalStay => CareSetting.Hospital,
                CareEventKind.Consultation when (e.Traits & CareEventTraits.Hospital) != 0 => CareSetting.Hospital,
                CareEventKind.Consultation when HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty) => CareSetting.GeneralPractitioner,
                CareEventKind.Consultation when e.Specialty != 0 => CareSetting.Specialist,
                CareEventKind.Dispensation or CareEventKind.Biology or CareEventKind.Act or CareEventKind.Consultation => CareSetting.OtherCare,
                _ => CareSetting.NoCare,
            };
            if (setting < best)
            {
                best = setting;
            }
        }

        return best;
    }

    /// <summary>The label of a setting in figures.</summary>
    public static string Label(CareSetting setting) => setting switch
    {
        CareSetting.Deceased => "deceased",
        CareSetting.Hospital => "hospital",
        CareSetting.Specialist => "specialist",
        CareSetting.GeneralPractitioner => "GP",
        CareSetting.OtherCare => "drugs/tests only",
        _ => "no care",
    };
}
