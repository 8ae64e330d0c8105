using System.Collections.Immutable;
using System.Globalization;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Builds an event-level release: each in-scope person gets a keyed pseudonym (HMAC under the release secret, which
/// the release never holds), generalized quasi-identifiers (age band at the reference, sex, territory) and the set of
/// its distinct (code, period) items, periods counted from the person's reference (first ALD registration, else first
/// event). Then the dataset protection: persons in quasi-identifier classes under k are withheld (after falling back
/// to the national territory when département classes would withhold too many), and <see cref="KmAnonymizer"/>
/// generalizes codes and periods together, or suppresses items, until every combination of up to m items is shared
/// by k persons — within each quasi-identifier class when the policy says so (the default), for an attacker who
/// knows the person's quasi-identifiers too. Ordered sequences of up to L ≤ m items are then shared by k persons too, since an item carries its
/// period and a sequence's persons are those holding its items. A release over the policy's limits is refused.
/// </summary>
public static class EventReleaseBuilder
{
    /// <summary>Whether <paramref name="person"/> is in <paramref name="scope"/>: <c>all</c>, <c>all-ald</c> or <c>ald:N</c>.</summary>
    public static bool InScope(PathwayPerson person, string scope)
    {
        ArgumentNullException.ThrowIfNull(person);
        return scope switch
        {
            "all" => person.Events.Length > 0,
            "all-ald" => person.Events.Any(e => e.Kind == CareEventKind.AldRegistration),
            _ when scope.StartsWith("ald:", StringComparison.Ordinal) && int.TryParse(scope[4..], CultureInfo.InvariantCulture, out var n) =>
                person.Events.Any(e => e.Kind == CareEventKind.AldRegistration && (int)e.Value == n),
            _ => throw new ArgumentException($"unknown scope '{scope}' (all, all-ald or ald:N).", nameof(scope)),
        };
    }

    /// <summary>The release of <paramref name="persons"/> (already in scope) under <paramref name="policy"/>.</summary>
    public static EventRelease Build(IReadOnlyList<PathwayPerson> persons, EventReleasePolicy policy, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Validate() is { } invalid)
        {
            return EventRelease.Refused(policy, persons.Count, invalid);
        }

        var pseudonym = new KeyedPseudonym(secret);
        var prepared = persons.Select(p => Prepare(p, policy, pseudonym)).ToList();
        var territory = policy.Territory;
        var small = SmallClasses(prepared, policy.K, territory);
        foreach (var coarser in (string[])["region", "national"])
        {
            if (small <= policy.MaxSuppressedPersons * prepared.Count || Rank(coarser) <= Rank(territory))
            {
                continue;
            }

            territory = coarser;
            small = SmallClasses(prepared, policy.K, territory);
        }

        if (small > policy.MaxSuppressedPersons * prepared.Count)
        {
            return EventRelease.Refused(policy, persons.Count, $"{small} of {prepared.Count} persons are in quasi-identifier classes under k = {policy.K} even at the national level (limit {policy.MaxSuppressedPersons:P1}).");
        }

        var classes = prepared.GroupBy(p => Qi(p, territory)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var keptIndex = Enumerable.Range(0, prepared.Count).Where(i => classes[Qi(prepared[i], territory)] >= policy.K).ToArray();
        var kept = keptIndex.Select(i => prepared[i]).ToList();
        string Prefix(Prepared p) => policy.WithinQuasiIdentifiers ? Qi(p, territory) + "|" : "";
        var leaves = kept.SelectMany(p => p.Items.Select(i => (Prefix(p), i.Code, i.Unit))).Distinct().ToList();
        var hierarchy = EventCodes.Hierarchy(leaves, policy);
        if (hierarchy.Hierarchy is null)
        {
            return EventRelease.Refused(policy, persons.Count, "event hierarchy: " + string.Join("; ", hierarchy.Errors));
        }

        var sets = kept.Select(p => p.Items.Select(i => Prefix(p) + EventCodes.Item(i.Code, i.Unit, policy)).ToArray()).ToList();
        var km = KmAnonymizer.Anonymize(sets, hierarchy.Hierarchy, policy.K, policy.M, policy.MaxGeneralization);
        var originalItems = sets.Sum(s => s.Length);
        var suppressedRate = originalItems == 0 ? 0 : km.SuppressedOccurrences / (double)originalItems;
        if (suppressedRate > policy.MaxSuppressedEvents)
        {
            return EventRelease.Refused(policy, persons.Count, $"k^m at territory level {territory} needs {suppressedRate:P1} of the events suppressed (limit {policy.MaxSuppressedEvents:P1}).") with { Territory = territory };
        }

        double precision = 0;
        foreach (var set in sets)
        {
            foreach (var item in set)
            {
                precision += km.Generalization.GetValueOrDefault(item) is { } label ? EventLoss.Precision(label[(label.LastIndexOf('|') + 1)..], policy) : 0;
            }
        }

        var released = ImmutableArray.CreateBuilder<ReleasedPerson>(kept.Count);
        var events = ImmutableArray.CreateBuilder<ReleasedEvent>();
        for (var i = 0; i < kept.Count; i++)
        {
            var p = kept[i];
            released.Add(new ReleasedPerson(p.Pseudonym, p.AgeBand, p.Sex, EventReleasePolicy.TerritoryOf(p.Departement, territory), p.Reference));
            foreach (var prefixed in km.Sets[i].Order(StringComparer.Ordinal))
            {
                var item = prefixed[(prefixed.LastIndexOf('|') + 1)..];
                var at = item.LastIndexOf('@');
                events.Add(new ReleasedEvent(p.Pseudonym, EventCodes.KindOf(item[..at]), item[..at], item[(at + 1)..]));
            }
        }

        return new EventRelease(policy, null, persons.Count, released.ToImmutable(), events.ToImmutable(), territory,
            prepared.Count - kept.Count, originalItems, km.SuppressedOccurrences, km.InformationLoss, km.Rounds,
            kept.SelectMany(p => p.Items).GroupBy(i => EventCodes.KindOf(i.Code), StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. kept.Select(p => p.Items.Length)], [.. keptIndex], originalItems == 0 ? 0 : precision / originalItems);
    }

    /// <summary>
    /// A person's reference day (first ALD registration, else first event), age band label and distinct starting
    /// (code, unit) items within the policy's window — the original items "in the released format", before the
    /// dataset protection.
    /// </summary>
    public static (int Reference, string AgeBand, (string Code, int Unit)[] Items) OriginalItems(PathwayPerson p, EventReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(policy);
        var ald = p.Events.Where(e => e.Kind == CareEventKind.AldRegistration).Select(e => (int?)e.Day).Min();
        var reference = ald ?? (p.Events.Length > 0 ? p.Events.Min(e => e.Day) : 0);
        var age = p.Events.Length == 0 ? 0 : DateOnly.FromDayNumber(reference).Year - p.BirthYear;
        var low = Math.Max(0, age) / policy.AgeBandYears * policy.AgeBandYears;
        var band = $"{low.ToString(CultureInfo.InvariantCulture)}-{(low + policy.AgeBandYears - 1).ToString(CultureInfo.InvariantCulture)}";
        var items = new HashSet<(string Code, int Unit)>();
        foreach (var e in p.Events)
        {
            var unit = (int)Math.Floor((e.Day - reference) / (double)policy.UnitDays);
            if (unit >= -policy.UnitsBefore && unit <= policy.UnitsAfter && EventCodes.Start(e, policy) is { } code)
            {
                items.Add((code, unit));
            }
        }

        return (reference, band, [.. items]);
    }

    private static int Rank(string territory) => territory switch { "departement" => 0, "region" => 1, _ => 2 };

    private static string Qi(Prepared p, string territory) => $"{p.AgeBand}|{p.Sex}|{EventReleasePolicy.TerritoryOf(p.Departement, territory)}";

    private static int SmallClasses(List<Prepared> persons, int k, string territory) =>
        persons.GroupBy(p => Qi(p, territory), StringComparer.Ordinal).Where(g => g.Count() < k).Sum(g => g.Count());

    private static Prepared Prepare(PathwayPerson p, EventReleasePolicy policy, KeyedPseudonym pseudonym)
    {
        var (_, band, items) = OriginalItems(p, policy);
        var sex = p.Sex switch { 1 => "M", 2 => "F", _ => "U" };
        var reference = p.Events.Any(e => e.Kind == CareEventKind.AldRegistration) ? "ald_entry" : "first_event";
        return new Prepared(pseudonym.Of(p.Key).ToString("N"), band, sex, p.Departement, reference, items);
    }

    private sealed record Prepared(string Pseudonym, string AgeBand, string Sex, string Departement, string Reference, (string Code, int Unit)[] Items);
}
