using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>An item of a person's set that could not be used: which set (0-based), which item, why.</summary>
public readonly record struct RejectedItem(int Set, string Item, string Reason);

/// <summary>A combination of items supported by fewer than k persons (found by <see cref="KmAnonymityChecker"/>).</summary>
public sealed record KmViolation(IReadOnlyList<string> Items, int Support);

/// <summary>
/// The output of <see cref="KmAnonymizer"/>: each person's generalized set (suppressed items removed), the
/// generalization chosen for every original item (its label, or null when suppressed), and the information loss:
/// the mean over item occurrences of (leaves covered - 1) / (leaves - 1), a suppressed occurrence counting 1.
/// </summary>
public sealed record KmResult(
    ImmutableArray<ImmutableArray<string>> Sets,
    ImmutableDictionary<string, string?> Generalization,
    int SuppressedOccurrences,
    double InformationLoss,
    int Rounds,
    ImmutableArray<RejectedItem> Rejects);
