using System.Collections.Immutable;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The outcome of <see cref="EventReleaseBuilder.Build"/>: the released persons and events, or the reason for refusing
/// (<see cref="Refusal"/>), with the suppression and generalization figures and, for the utility report, the
/// distinct (code, period) items per kind and per kept person before the dataset protection.
/// </summary>
public sealed record EventRelease(
    EventReleasePolicy Policy,
    string? Refusal,
    int InScope,
    ImmutableArray<ReleasedPerson> Persons,
    ImmutableArray<ReleasedEvent> Events,
    string Territory,
    int SuppressedPersons,
    int OriginalEvents,
    int SuppressedEvents,
    double InformationLoss,
    int Rounds,
    ImmutableDictionary<string, int> OriginalKinds,
    ImmutableArray<int> OriginalPerPerson)
{
    internal static EventRelease Refused(EventReleasePolicy policy, int inScope, string reason) =>
        new(policy, reason, inScope, [], [], policy.Territory, inScope, 0, 0, 1, 0, ImmutableDictionary<string, int>.Empty, []);
}
