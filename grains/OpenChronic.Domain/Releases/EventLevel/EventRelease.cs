using System.Collections.Immutable;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The outcome of <see cref="EventReleaseBuilder.Build"/>: the released persons and events, or the reason for refusing
/// (<see cref="Refusal"/>), with the suppression and generalization figures and, for the utility report, the
/// distinct (code, period) items per kind and per kept person before the dataset protection. <see cref="Sources"/>
/// gives, for each released person, its index in the builder's input — in memory only, for the utility report;
/// it is never written. <see cref="ItemPrecision"/>: the mean <see cref="EventLoss.Precision"/> of the released form
/// of every original item of the kept persons (0 for a suppressed one).
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
    ImmutableArray<int> OriginalPerPerson,
    ImmutableArray<int> Sources,
    double ItemPrecision)
{
    /// <summary>Per released kind (code system): the original items and how many the protection suppressed, generalized in code, coarsened in period.</summary>
    public ImmutableArray<EventSystemLoss> Systems { get; init; } = [];

    internal static EventRelease Refused(EventReleasePolicy policy, int inScope, string reason) =>
        new(policy, reason, inScope, [], [], policy.Territory, inScope, 0, 0, 1, 0, ImmutableDictionary<string, int>.Empty, [], [], 0);
}

/// <summary>
/// What the protection did to one code system's items (kind: dispensation, diagnosis…): original items of the kept
/// persons, suppressed, released with a more general code, released with a coarser period (an item may be both).
/// </summary>
public sealed record EventSystemLoss(string Kind, int Items, int Suppressed, int CodeGeneralized, int PeriodCoarsened);
