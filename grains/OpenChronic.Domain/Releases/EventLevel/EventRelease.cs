using System.Collections.Immutable;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The outcome of <see cref="EventReleaseBuilder.Build"/>: the released persons and events, or the reason for refusing
/// (<see cref="Refusal"/>), with the suppression and generalization figures.
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
    int Rounds)
{
    internal static EventRelease Refused(EventReleasePolicy policy, int inScope, string reason) =>
        new(policy, reason, inScope, [], [], policy.Territory, inScope, 0, 0, 1, 0);
}
