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
/// to a coarser territory when too many would be), and <see cref="KmAnonymizer"/> generalizes codes and periods
/// together within the policy's floors until every combination of up to m items is shared by k persons — within each
/// quasi-identifier class when the policy says so (the default), for an attacker who knows the person's
/// quasi-identifiers too; the classes share no item, so each is anonymized on its own (a local recoding per class).
/// What is still rare at the cap is suppressed from the whole class (<c>global</c>) or only from the persons holding
/// the rare combination (<c>local</c>, <see cref="LocalKmSuppression"/>). Ordered sequences of up to L ≤ m items are
/// then shared by k persons too, since an item carries its period and a sequence's persons are those holding its
/// items. A release over the policy's limits is refused. <see cref="EventRelease.Systems"/> counts, per code system,
/// the items suppressed, generalized in code and coarsened in period.
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
        var (territory, small) = Territory(prepared, policy);
        if (small > policy.MaxSuppressedPersons * prepared.Count)
        {
            return EventRelease.Refused(policy, persons.Count, $"{small} of {prepared.Count} persons are in quasi-identifier classes under k = {policy.K} even at the national level (limit {policy.MaxSuppressedPersons:P1}).");
        }

        var classes = prepared.GroupBy(p => Qi(p, territory)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var keptIndex = Enumerable.Range(0, prepared.Count).Where(i => classes[Qi(prepared[i], territory)] >= policy.K).ToArray();
        var kept = keptIndex.Select(i => prepared[i]).ToList();

        // k^m within quasi-identifier classes: the classes share no item, so each is anonymized on its own (the same
        // greedy cut as one global hierarchy over class-prefixed items, at a fraction of the cost)
        var groups = Enumerable.Range(0, kept.Count).GroupBy(i => policy.WithinQuasiIdentifiers ? Qi(kept[i], territory) : "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToArray()).ToArray();
        var results = new KmResult?[groups.Length];
        var errors = new string?[groups.Length];
        Parallel.For(0, groups.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, g =>
        {
            var members = groups[g];
            var hierarchy = EventCodes.Hierarchy(members.SelectMany(i => kept[i].Items.Select(t => ("", t.Code, t.Unit))), policy);
            if (hierarchy.Hierarchy is null)
            {
                errors[g] = string.Join("; ", hierarchy.Errors);
                return;
            }

            var sets = members.Select(i => kept[i].Items.Select(t => EventCodes.Item(t.Code, t.Unit, policy)).ToArray()).ToList();
            results[g] = KmAnonymizer.Anonymize(sets, hierarchy.Hierarchy, policy.K, policy.M, policy.MaxGeneralization, policy.Recoding == "local");
        });
        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            return EventRelease.Refused(policy, persons.Count, "event hierarchy: " + error);
        }

        double precision = 0, informationLoss = 0;
        var systems = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        var released = new ReleasedPerson[kept.Count];
        var rows = new List<ReleasedEvent>[kept.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            var km = results[g]!;
            informationLoss += km.InformationLoss * groups[g].Sum(i => kept[i].Items.Length);
            for (var j = 0; j < groups[g].Length; j++)
            {
                var i = groups[g][j];
                var p = kept[i];
                var shown = km.Sets[j].ToHashSet(StringComparer.Ordinal);
                foreach (var (code, unit) in p.Items)
                {
                    var label = km.Generalization.GetValueOrDefault(EventCodes.Item(code, unit, policy)) is { } l && shown.Contains(l) ? l : null;
                    precision += label is null ? 0 : EventLoss.Precision(label, policy);
                    var counts = systems.TryGetValue(EventCodes.KindOf(code), out var c) ? c : systems[EventCodes.KindOf(code)] = new int[4];
                    counts[0]++;
                    counts[1] += label is null ? 1 : 0;
                    counts[2] += label is not null && !label.StartsWith(code + "@", StringComparison.Ordinal) ? 1 : 0;
                    counts[3] += label is not null && !label.EndsWith("@" + EventCodes.Period(unit, 0, policy), StringComparison.Ordinal) ? 1 : 0;
                }

                released[i] = new ReleasedPerson(p.Pseudonym, p.AgeBand, p.Sex, EventReleasePolicy.TerritoryOf(p.Departement, territory), p.Reference);
                rows[i] = [.. km.Sets[j].Order(StringComparer.Ordinal).Select(item => Event(p.Pseudonym, item))];
            }
        }

        var originalItems = kept.Sum(p => p.Items.Length);
        var suppressedItems = systems.Values.Sum(c => c[1]);
        var suppressedRate = originalItems == 0 ? 0 : suppressedItems / (double)originalItems;
        if (suppressedRate > policy.MaxSuppressedEvents)
        {
            return EventRelease.Refused(policy, persons.Count, $"k^m at territory level {territory} needs {suppressedRate:P1} of the events suppressed (limit {policy.MaxSuppressedEvents:P1}).") with { Territory = territory };
        }

        return new EventRelease(policy, null, persons.Count, [.. released], [.. rows.SelectMany(r => r)], territory,
            prepared.Count - kept.Count, originalItems, suppressedItems, originalItems == 0 ? 0 : informationLoss / originalItems, results.Sum(r => r!.Rounds),
            kept.SelectMany(p => p.Items).GroupBy(i => EventCodes.KindOf(i.Code), StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. kept.Select(p => p.Items.Length)], [.. keptIndex], originalItems == 0 ? 0 : precision / originalItems)
        {
            Systems = [.. systems.Select(s => new EventSystemLoss(s.Key, s.Value[0], s.Value[1], s.Value[2], s.Value[3]))],
        };
    }

    /// <summary>
    /// The quasi-identifier screen of a policy, without pseudonyms or k^m: the territory level the builder would reach
    /// (after its fall-back), the persons it would withhold in classes under k and the number of classes of the others.
    /// </summary>
    public static (string Territory, int Withheld, int Classes) Screen(IReadOnlyList<PathwayPerson> persons, EventReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(policy);
        var prepared = persons.Select(p => new Prepared("", AgeBand(p, policy), SexOf(p), p.Departement, "", [])).ToList();
        var (territory, small) = Territory(prepared, policy);
        var classes = prepared.GroupBy(p => Qi(p, territory), StringComparer.Ordinal).Count(g => g.Count() >= policy.K);
        return (territory, small, classes);
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
        var reference = ReferenceDay(p);
        var band = AgeBand(p, policy);
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

    private static ReleasedEvent Event(string pseudonym, string item)
    {
        var at = item.LastIndexOf('@');
        return new ReleasedEvent(pseudonym, EventCodes.KindOf(item[..at]), item[..at], item[(at + 1)..]);
    }

    private static int ReferenceDay(PathwayPerson p) =>
        p.Events.Where(e => e.Kind == CareEventKind.AldRegistration).Select(e => (int?)e.Day).Min() ?? (p.Events.Length > 0 ? p.Events.Min(e => e.Day) : 0);

    private static string AgeBand(PathwayPerson p, EventReleasePolicy policy)
    {
        var age = p.Events.Length == 0 ? 0 : DateOnly.FromDayNumber(ReferenceDay(p)).Year - p.BirthYear;
        var low = Math.Max(0, age) / policy.AgeBandYears * policy.AgeBandYears;
        return $"{low.ToString(CultureInfo.InvariantCulture)}-{(low + policy.AgeBandYears - 1).ToString(CultureInfo.InvariantCulture)}";
    }

    private static string SexOf(PathwayPerson p) => p.Sex switch { 1 => "M", 2 => "F", _ => "U" };

    // the policy's territory, or a coarser one when too many persons would be withheld; and the persons withheld
    private static (string Territory, int Withheld) Territory(List<Prepared> prepared, EventReleasePolicy policy)
    {
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

        return (territory, small);
    }

    private static int Rank(string territory) => territory switch { "departement" => 0, "region" => 1, _ => 2 };

    private static string Qi(Prepared p, string territory) => $"{p.AgeBand}|{p.Sex}|{EventReleasePolicy.TerritoryOf(p.Departement, territory)}";

    private static int SmallClasses(List<Prepared> persons, int k, string territory) =>
        persons.GroupBy(p => Qi(p, territory), StringComparer.Ordinal).Where(g => g.Count() < k).Sum(g => g.Count());

    private static Prepared Prepare(PathwayPerson p, EventReleasePolicy policy, KeyedPseudonym pseudonym)
    {
        var (_, band, items) = OriginalItems(p, policy);
        var reference = p.Events.Any(e => e.Kind == CareEventKind.AldRegistration) ? "ald_entry" : "first_event";
        return new Prepared(pseudonym.Of(p.Key).ToString("N"), band, SexOf(p), p.Departement, reference, items);
    }

    private sealed record Prepared(string Pseudonym, string AgeBand, string Sex, string Departement, string Reference, (string Code, int Unit)[] Items);
}
