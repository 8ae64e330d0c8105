namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// One released person seen twice by the utility report: its original items in the released format (starting code,
/// period label at the policy's unit) and its released items (generalized code and period), with its original ALD
/// registrations (the prediction outcome), sex, age band and territory at the release's level. No key.
/// </summary>
public sealed record UtilityPerson(
    string Territory, string Sex, string AgeBand, int[] AldNumbers,
    IReadOnlyList<(string Code, string Period)> Original, IReadOnlyList<(string Code, string Period)> Released);

/// <summary>One figure of the utility report: name, value (NaN when it cannot be computed), target when the issue sets one, and how it was obtained.</summary>
public sealed record UtilityFigure(string Name, double Value, string? Target, string Method);
