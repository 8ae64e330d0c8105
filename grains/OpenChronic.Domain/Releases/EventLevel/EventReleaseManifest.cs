using System.Collections.Immutable;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The record of an event-level release (<c>release.json</c>, <see cref="Kind"/> = <c>event-level</c>): scope, policy,
/// the guarantees re-derived from the files, suppression, measured risks, the utility comparison and the SHA-256 of
/// every table, the <see cref="EventLoss"/> and, when the policy was calibrated, every candidate measured, and per code system what the protection suppressed or generalized. Neither the pseudonymization secret nor any database identifier appears in it.
/// </summary>
public sealed record EventReleaseManifest(
    int Format,
    string Kind,
    string Scope,
    DateTimeOffset Created,
    EventReleasePolicy Policy,
    string Territory,
    int InScope,
    int Persons,
    int Events,
    int SuppressedPersons,
    int OriginalEvents,
    int SuppressedEvents,
    double InformationLoss,
    EventAchieved Achieved,
    ImmutableArray<MeasuredRisk> MeasuredRisks,
    ImmutableArray<MeasuredRisk> Utility,
    ImmutableArray<ReleaseFile> Files,
    double Loss = 0,
    ImmutableArray<EventCalibrationCandidate>? Calibration = null,
    ImmutableArray<EventSystemLoss>? Systems = null)
{
    public const int CurrentFormat = 1;

    /// <summary>The manifest kind of event-level releases (cohort releases have no <c>kind</c>).</summary>
    public const string EventLevelKind = "event-level";
}

/// <summary>
/// Guarantees re-derived from the files: smallest quasi-identifier class, smallest support (in persons) of a
/// combination of up to m (code, period) items, smallest support of an ordered sequence of up to L items.
/// </summary>
public sealed record EventAchieved(int QiK, int KmSupport, int M, int SequenceSupport, int L, int Violations);
