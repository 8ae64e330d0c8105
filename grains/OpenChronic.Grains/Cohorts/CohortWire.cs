using System.Collections.Concurrent;
using System.Collections.Immutable;
using OpenChronic.Domain.Cohorts;
using OpenChronic.Domain.Releases;

namespace OpenChronic.Grains;

/// <summary>Maps cohort wire records to domain records, and caches parsed definitions (every patient of a query gets the same text).</summary>
internal static class CohortWire
{
    private static readonly ConcurrentDictionary<string, CohortDefinition> s_definitions = new(StringComparer.Ordinal);

    /// <summary>The parsed definition; the cohort grain validated the text before sending it, so an error here is a bug.</summary>
    public static CohortDefinition Definition(string json)
    {
        if (s_definitions.TryGetValue(json, out var cached))
        {
            return cached;
        }

        var parsed = CohortDefinitionParser.Parse(json);
        var definition = parsed.Definition ?? throw new ArgumentException("Invalid cohort definition: " + parsed.Error, nameof(json));
        if (s_definitions.Count > 64)
        {
            s_definitions.Clear();
        }

        s_definitions[json] = definition;
        return definition;
    }

    public static CohortPerson? Person(PatientProfile? profile) => profile is null
        ? null
        : new CohortPerson(profile.Sex, profile.BirthYear, profile.BirthMonth, profile.Departement, profile.Commune, profile.DeathDay);

    public static CohortMemberWire ToWire(CohortMember m, Guid pseudonym, ulong personHash) =>
        new(pseudonym, personHash, m.Age, m.Sex, m.Departement, m.Commune, m.IndexDate.DayNumber, m.Comorbidities, m.HospitalEpisodes, m.Deceased, m.Codes);

    public static ReleaseMember ToRelease(CohortMemberWire w) =>
        new(w.Pseudonym, w.PersonHash, new CohortMember(w.Age, w.Sex, w.Departement, w.Commune, DateOnly.FromDayNumber(w.IndexDay),
            w.Comorbidities, w.HospitalEpisodes, w.Deceased, w.Codes));

    public static ReleaseLedger ToLedger(ReleaseLedgerWire w) =>
        new(w.PersonHashes, w.Tables.Zip(w.Cells).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));

    public static ReleaseLedgerWire ToWire(ReleaseLedger l) =>
        new(l.PersonHashes, [.. l.Cells.Keys.Order(StringComparer.Ordinal)], [.. l.Cells.Keys.Order(StringComparer.Ordinal).Select(k => l.Cells[k])]);
}
