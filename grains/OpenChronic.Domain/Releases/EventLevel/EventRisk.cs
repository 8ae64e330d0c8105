using System.Collections.Immutable;
using System.Globalization;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// Re-identification risks measured on released rows. Prosecutor risk on the quasi-identifiers (1 / class size,
/// highest and mean). The m-event attack: for persons drawn with a seeded generator, the attacker knows m of the
/// person's released (code, period) events — with and without the quasi-identifiers — and counts the released
/// persons matching them; the risk is 1 / matches (highest and mean over the draws) and the share singled out.
/// </summary>
public static class EventRisk
{
    public static ImmutableArray<MeasuredRisk> Measure(IReadOnlyList<string[]> persons, IReadOnlyList<string[]> events, int m, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(events);
        var risks = ImmutableArray.CreateBuilder<MeasuredRisk>();
        var qiOf = persons.ToDictionary(p => p[0], p => $"{p[1]}|{p[2]}|{p[3]}", StringComparer.Ordinal);
        var classes = qiOf.Values.GroupBy(q => q, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (classes.Count > 0)
        {
            risks.Add(new MeasuredRisk("prosecutor_qi_max", 1.0 / classes.Values.Min(), "1 / smallest age band x sex x territory class"));
            risks.Add(new MeasuredRisk("prosecutor_qi_mean", classes.Count / (double)qiOf.Count, "mean over persons of 1 / class size"));
        }

        var sets = events.GroupBy(e => e[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e[2] + "@" + e[3]).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var holders = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (person, items) in sets)
        {
            foreach (var item in items)
            {
                (holders.TryGetValue(item, out var list) ? list : holders[item] = []).Add(person);
            }
        }

        var ids = sets.Keys.Order(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return risks.ToImmutable();
        }

        var random = new Random(seed);
        double sumEvents = 0, sumWithQi = 0, maxEvents = 0, maxWithQi = 0;
        var uniqueEvents = 0;
        var uniqueWithQi = 0;
        for (var s = 0; s < samples; s++)
        {
            var target = ids[random.Next(ids.Length)];
            var known = sets[target].OrderBy(_ => random.Next()).Take(m).ToArray();
            var sorted = known.Select(i => holders[i]).OrderBy(h => h.Count).ToArray();
            var matches = sorted[0].Where(p => sorted.Skip(1).All(h => h.Contains(p))).ToList();
            var withQi = matches.Count(p => qiOf.GetValueOrDefault(p) == qiOf.GetValueOrDefault(target));
            sumEvents += 1.0 / matches.Count;
            sumWithQi += 1.0 / withQi;
            maxEvents = Math.Max(maxEvents, 1.0 / matches.Count);
            maxWithQi = Math.Max(maxWithQi, 1.0 / withQi);
            uniqueEvents += matches.Count == 1 ? 1 : 0;
            uniqueWithQi += withQi == 1 ? 1 : 0;
        }

        var how = $"{samples.ToString(CultureInfo.InvariantCulture)} persons drawn (seed {seed.ToString(CultureInfo.InvariantCulture)}), attacker knows {m.ToString(CultureInfo.InvariantCulture)} released events";
        risks.Add(new MeasuredRisk("m_event_attack_max", maxEvents, how + "; 1 / persons matching"));
        risks.Add(new MeasuredRisk("m_event_attack_mean", sumEvents / samples, how + "; mean of 1 / persons matching"));
        risks.Add(new MeasuredRisk("m_event_attack_singled_out", uniqueEvents / (double)samples, how + "; share matching one person"));
        risks.Add(new MeasuredRisk("m_event_qi_attack_max", maxWithQi, how + " and the quasi-identifiers; 1 / persons matching"));
        risks.Add(new MeasuredRisk("m_event_qi_attack_mean", sumWithQi / samples, how + " and the quasi-identifiers; mean of 1 / persons matching"));
        risks.Add(new MeasuredRisk("m_event_qi_attack_singled_out", uniqueWithQi / (double)samples, how + " and the quasi-identifiers; share matching one person"));
        return risks.ToImmutable();
    }
}
