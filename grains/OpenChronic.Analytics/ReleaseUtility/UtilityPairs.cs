using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// Pairs every released person's original items (released format: starting code, period at the policy's unit, before
/// protection) with its released items, for the utility report and the calibration's utility checks. No key leaves.
/// </summary>
public static class UtilityPairs
{
    /// <summary>The released persons of <paramref name="release"/>, each seen twice (<see cref="UtilityPerson"/>).</summary>
    public static IReadOnlyList<UtilityPerson> Of(IReadOnlyList<PathwayPerson> persons, EventRelease release)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(release);
        var policy = release.Policy;
        var released = release.Events.GroupBy(e => e.Person, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)[.. g.Select(e => (e.Code, e.Period))], StringComparer.Ordinal);
        var pairs = new List<UtilityPerson>(release.Persons.Length);
        for (var i = 0; i < release.Persons.Length; i++)
        {
            var person = persons[release.Sources[i]];
            var shown = release.Persons[i];
            var (_, _, items) = EventReleaseBuilder.OriginalItems(person, policy);
            var alds = person.Events.Where(e => e.Kind == CareEventKind.AldRegistration).Select(e => (int)e.Value).Distinct().ToArray();
            pairs.Add(new UtilityPerson(shown.Territory, shown.Sex, shown.AgeBand, alds,
                [.. items.Select(t => (t.Code, EventCodes.Period(t.Unit, 0, policy)))], released.GetValueOrDefault(shown.Person) ?? []));
        }

        return pairs;
    }
}
