namespace OpenChronic.Domain.Privacy.Calibration;

/// <summary>
/// A release and the people behind it, coded alike for risk measurement: per quasi-identifier, the published
/// value code of each released record (<see cref="Release"/>), of each person the release was built from
/// (<see cref="Attacked"/>, suppressed ones included) and of each held-out person of the same population
/// (<see cref="Control"/>); optionally a secret column (a sensitive value or a condition set) for inference.
/// Arrays are column-major: [column][row].
/// </summary>
public sealed record CodedRelease(
    IReadOnlyList<string> Columns,
    int[][] Release,
    int[][] Attacked,
    int[][] Control,
    int[]? ReleaseSecret = null,
    int[]? AttackedSecret = null,
    int[]? ControlSecret = null)
{
    /// <summary>Released records.</summary>
    public int ReleaseRows => Release.Length == 0 ? 0 : Release[0].Length;

    /// <summary>True when a secret column is present in all three parts.</summary>
    public bool HasSecret => ReleaseSecret is not null && AttackedSecret is not null && ControlSecret is not null;
}
