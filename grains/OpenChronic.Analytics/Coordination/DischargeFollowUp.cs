using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// Hospital → community transitions of one patient: finds the index stays (principal diagnosis among
/// <see cref="TransitionOptions.PrincipalDiagnoses"/>, alive at discharge, not a readmission, follow-up observed) and
/// measures GP and specialist contacts after discharge, readmission, GP contact before admission and the background
/// GP contact rate.
/// </summary>
public static class DischargeFollowUp
{
    /// <summary>Index stays in admission order.</summary>
    public static IReadOnlyList<IndexStay> Find(ReadOnlySpan<CareEvent> timeline, TransitionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stays = new List<(int Start, int End, ulong Eta)>();
        var principal = new HashSet<(int Day, ulong Eta)>();
        var death = int.MaxValue;
        foreach (ref readonly var e in timeline)
        {
            switch (e.Kind)
            {
                case CareEventKind.HospitalStay:
                    stays.Add((e.Day, Math.Max(e.Day, e.EndDay), e.Detail));
                    break;
                case CareEventKind.Diagnosis when (e.Traits & CareEventTraits.Principal) != 0 && Matches(PackedCode.Unpack(e.Code), options):
                    principal.Add((e.Day, e.Detail));
                    break;
                case CareEventKind.Death:
                    death = Math.Min(death, e.Day);
                    break;
                default:
                    break;
            }
        }

        stays.Sort();
        var episodes = new List<(int Start, int End, ulong? Index)>();
        foreach (var (start, end, eta) in stays)
        {
            ulong? index = principal.Contains((start, eta)) ? eta : null;
            if (episodes.Count > 0 && start <= episodes[^1].End)
            {
                var last = episodes[^1];
                episodes[^1] = (last.Start, Math.Max(last.End, end), last.Index ?? index);
            }
            else
            {
                episodes.Add((start, end, index));
            }
        }

        var result = new List<IndexStay>();
        for (var i = 0; i < episodes.Count; i++)
        {
            var (start, end, eta) = episodes[i];
            if (eta is null || death <= end || (long)end + options.FollowUpDays > options.LastObservedDay
                || (i > 0 && start - episodes[i - 1].End <= options.IndexExclusionDays))
            {
                continue;
            }

            int? readmission = i + 1 < episodes.Count ? episodes[i + 1].Start - end : null;
            var (gp, specialist) = FirstContacts(timeline, end, options.IncludeHospitalConsultations);
            var prior = AnyGp(timeline, start - options.PriorWindowDays, start - 1, options.IncludeHospitalConsultations);
            var from = end + options.BackgroundStartDay;
            var to = from + options.BackgroundDays - 1;
            var observable = to <= options.LastObservedDay && death > to && !(i + 1 < episodes.Count && episodes[i + 1].Start <= to);
            bool? background = observable ? AnyGp(timeline, from, to, options.IncludeHospitalConsultations) : null;
            result.Add(new IndexStay(start, end, eta.Value, gp, specialist, readmission, prior, background));
        }

        return result;
    }

    private static bool Matches(string icd, TransitionOptions options)
    {
        foreach (var prefix in options.PrincipalDiagnoses)
        {
            if (icd.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static (int? Gp, int? Specialist) FirstContacts(ReadOnlySpan<CareEvent> timeline, int discharge, bool includeHospital)
    {
        int? gp = null, specialist = null;
        foreach (ref readonly var e in timeline)
        {
            if (e.Day < discharge || !PatientContinuity.IsPhysicianVisit(e, includeHospital))
            {
                continue;
            }

            if (HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty))
            {
                gp ??= e.Day - discharge;
            }
            else
            {
                specialist ??= e.Day - discharge;
            }

            if (gp is not null && specialist is not null)
            {
                break;
            }
        }

        return (gp, specialist);
    }

    private static bool AnyGp(ReadOnlySpan<CareEvent> timeline, int from, int to, bool includeHospital)
    {
        foreach (ref readonly var e in timeline)
        {
            if (e.Day > to)
            {
                break;
            }

            if (e.Day >= from && PatientContinuity.IsPhysicianVisit(e, includeHospital) && HospitalEpisodeBuilder.IsGeneralPractitioner(e.Specialty))
            {
                return true;
            }
        }

        return false;
    }
}
