using System.Collections.Immutable;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Anonymized microdata as text: one row per input person, each quasi-identifier replaced by its generalized
/// value, <see cref="Suppressed"/> marking the rows withheld from publication (their values are <c>*</c>), and
/// the sensitive value carried along when there is one.
/// </summary>
public sealed record GeneralizedTable(
    ImmutableArray<string> Columns,
    ImmutableArray<ImmutableArray<string>> Rows,
    ImmutableArray<bool> Suppressed,
    ImmutableArray<string>? Sensitive)
{
    public const string SuppressedValue = "*";

    public int SuppressedCount => Suppressed.Count(s => s);
}
