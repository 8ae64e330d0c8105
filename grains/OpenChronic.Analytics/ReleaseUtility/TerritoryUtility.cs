using OpenChronic.Analytics.Variability;
using OpenChronic.Domain.Releases.EventLevel;

namespace OpenChronic.Analytics.ReleaseUtility;

/// <summary>
/// Per-territory analyses that the released format supports, computed once on the original items (released format,
/// before protection) and once on the released items of the same persons, at the release's territory level.
/// Coordination (the project's continuity and discharge follow-up indices need professional identities and exact
/// days, which the release never holds, so their released-format analogues are used): <c>follow-up</c>, the share
/// of persons with a hospital stay who have a consultation in the stay's period or the next unit; <c>regularity</c>,
/// the mean over persons of the share of their active periods with a consultation. Variability: the share of persons
/// with a stay, a biology test, a technical act and the scope's most common drug class, flagged against the project's
/// exact binomial funnel limits (95 %, <see cref="Funnel.Proportion"/>) around the overall share.
/// </summary>
public static class TerritoryUtility
{
    /// <summary>Per territory (ordinal order): the index on original items and on released items.</summary>
    public static (string[] Territories, double[] Original, double[] Released) Index(
        IReadOnlyList<UtilityPerson> persons, string timeUnit, Func<IReadOnlyList<(string Code, string Period)>, PeriodSpans, double?> index)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(index);
        var spans = new PeriodSpans(timeUnit);
        var territories = persons.Select(p => p.Territory).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var original = new double[territories.Length];
        var released = new double[territories.Length];
        for (var t = 0; t < territories.Length; t++)
        {
            var members = persons.Where(p => p.Territory == territories[t]).ToList();
            original[t] = Mean(members.Select(p => index(p.Original, spans)));
            released[t] = Mean(members.Select(p => index(p.Released, spans)));
        }

        return (territories, original, released);
    }

    /// <summary>1 when a stay is followed (same period or the next unit) by a consultation, 0 when not, null without a stay.</summary>
    public static double? FollowUp(IReadOnlyList<(string Code, string Period)> items, PeriodSpans spans)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(spans);
        var stays = items.Where(i => i.Code.StartsWith("ghm:", StringComparison.Ordinal)).ToList();
        if (stays.Count == 0)
        {
            return null;
        }

        var visits = items.Where(i => i.Code.StartsWith("spe:", StringComparison.Ordinal)).Select(i => spans.Span(i.Period)).ToList();
        foreach (var stay in stays)
        {
            var s = spans.Span(stay.Period);
            if (visits.Any(v => v is null || s is null || (v.Value.Start <= s.Value.End && v.Value.End > s.Value.Start)))
            {
                return 1;
            }
        }

        return 0;
    }

    /// <summary>Share of the person's distinct periods holding an item that also hold a consultation; null without items.</summary>
    public static double? Regularity(IReadOnlyList<(string Code, string Period)> items, PeriodSpans spans)
    {
        ArgumentNullException.ThrowIfNull(items);
        var periods = items.Select(i => i.Period).Distinct(StringComparer.Ordinal).Count();
        return periods == 0 ? null : items.Where(i => i.Code.StartsWith("spe:", StringComparison.Ordinal)).Select(i => i.Period).Distinct(StringComparer.Ordinal).Count() / (double)periods;
    }

    /// <summary>An indicator: 1 when the person holds an item whose code starts with <paramref name="prefix"/>.</summary>
    public static Func<IReadOnlyList<(string Code, string Period)>, PeriodSpans, double?> Has(string prefix) =>
        (items, _) => items.Any(i => i.Code.StartsWith(prefix, StringComparison.Ordinal)) ? 1 : 0;

    /// <summary>Share of territories whose 95 % funnel flag (outside or not) agrees, and the flagged counts, original vs released.</summary>
    public static (double Agreement, int FlaggedOriginal, int FlaggedReleased) Outliers(
        IReadOnlyList<UtilityPerson> persons, double[] original, double[] released, string[] territories)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(released);
        ArgumentNullException.ThrowIfNull(territories);
        var sizes = territories.Select(t => (long)persons.Count(p => p.Territory == t)).ToArray();
        var total = sizes.Sum();
        double overallO = 0, overallR = 0;
        for (var t = 0; t < territories.Length; t++)
        {
            overallO += original[t] * sizes[t] / total;
            overallR += released[t] * sizes[t] / total;
        }

        int agree = 0, flaggedO = 0, flaggedR = 0;
        for (var t = 0; t < territories.Length; t++)
        {
            var o = Funnel.Flag(original[t], Funnel.Proportion(Math.Clamp(overallO, 0, 1), sizes[t])) != FunnelPosition.Within;
            var r = Funnel.Flag(released[t], Funnel.Proportion(Math.Clamp(overallR, 0, 1), sizes[t])) != FunnelPosition.Within;
            agree += o == r ? 1 : 0;
            flaggedO += o ? 1 : 0;
            flaggedR += r ? 1 : 0;
        }

        return (territories.Length == 0 ? double.NaN : agree / (double)territories.Length, flaggedO, flaggedR);
    }

    private static double Mean(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        return present.Count == 0 ? double.NaN : present.Average();
    }
}
