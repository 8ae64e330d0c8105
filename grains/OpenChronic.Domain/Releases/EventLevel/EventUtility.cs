using System.Collections.Immutable;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Utility of an event-level release against its original: total variation distance between the distributions of
/// (code, period) items over event kinds, and between the distributions of items per person (bins 0, 1-2, 3-5,
/// 6-10, 11-20, 21-50, over 50), original (before the dataset protection, released persons) vs released.
/// </summary>
public static class EventUtility
{
    private static readonly int[] s_bins = [0, 1, 3, 6, 11, 21, 51];

    public static ImmutableArray<MeasuredRisk> Compare(EventRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var released = release.Events.GroupBy(e => e.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var kinds = Distance(release.OriginalKinds, released);
        var perPerson = release.Events.GroupBy(e => e.Person, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var releasedCounts = release.Persons.Select(p => perPerson.GetValueOrDefault(p.Person)).ToList();
        var counts = Distance(Histogram(release.OriginalPerPerson), Histogram(releasedCounts));
        return
        [
            new MeasuredRisk("kind_distribution_tvd", kinds, "total variation distance of events by kind, original vs released"),
            new MeasuredRisk("events_per_person_tvd", counts, "total variation distance of events per person (binned), original vs released"),
            new MeasuredRisk("event_retention", release.OriginalEvents == 0 ? 1 : 1 - (release.SuppressedEvents / (double)release.OriginalEvents), "share of original (code, period) events kept (possibly generalized)"),
        ];
    }

    /// <summary>Total variation distance between two count distributions (0 identical, 1 disjoint).</summary>
    public static double Distance(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double ta = a.Values.Sum(), tb = b.Values.Sum();
        if (ta == 0 || tb == 0)
        {
            return ta == tb ? 0 : 1;
        }

        return 0.5 * a.Keys.Union(b.Keys).Sum(k => Math.Abs((a.GetValueOrDefault(k) / ta) - (b.GetValueOrDefault(k) / tb)));
    }

    private static Dictionary<string, int> Histogram(IEnumerable<int> counts) =>
        counts.GroupBy(c => Array.FindLastIndex(s_bins, b => c >= b)).ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count(), StringComparer.Ordinal);
}
