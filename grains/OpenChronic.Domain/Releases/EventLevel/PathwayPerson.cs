using OpenChronic.Domain.Pathways;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// One person given to the event-level release: the database key (only ever used inside the keyed pseudonym),
/// demographics and the sorted events.
/// </summary>
public sealed record PathwayPerson(string Key, int Sex, int BirthYear, string Departement, CareEvent[] Events);

/// <summary>A released person: per-release pseudonym and generalized quasi-identifiers.</summary>
public sealed record ReleasedPerson(string Person, string AgeBand, string Sex, string Territory, string Reference);

/// <summary>A released event: person pseudonym, generalized code and coarse period relative to the person's reference.</summary>
public sealed record ReleasedEvent(string Person, string Kind, string Code, string Period);
