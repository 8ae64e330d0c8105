using System.Collections.Immutable;

namespace OpenChronic.Domain.Pathways;

/// <summary>A continuous period on one drug class: dispensations whose covered days touch or lie within the gap.</summary>
public readonly record struct DrugEra(string DrugClass, DateOnly Start, DateOnly End);

/// <summary>One line of treatment: a regimen (one class, or a combination "A+B") held from <see cref="Start"/> to <see cref="End"/>.</summary>
public readonly record struct TreatmentLine(int Number, string Regimen, DateOnly Start, DateOnly End);

/// <summary>
/// Parameters of era and line building, defaults as in TreatmentPatterns / SCALPEL: a pack covers 30 days, a large
/// pack 90; dispensations of a class separated by at most <see cref="EraGapDays"/> uncovered days form one era; two
/// classes overlapping at least <see cref="CombinationWindowDays"/> days form a combination, shorter overlaps are
/// switches.
/// </summary>
public sealed record TreatmentLineOptions
{
    public static TreatmentLineOptions Default { get; } = new();

    /// <summary>Days covered by one ordinary box.</summary>
    public int DaysPerPack { get; init; } = 30;

    /// <summary>Days covered by one large-pack box.</summary>
    public int DaysPerLargePack { get; init; } = 90;

    /// <summary>Longest uncovered gap inside one era.</summary>
    public int EraGapDays { get; init; } = 30;

    /// <summary>Shortest overlap that makes a combination.</summary>
    public int CombinationWindowDays { get; init; } = 30;

    /// <summary>How many ATC characters name a drug class (5 = chemical subgroup, e.g. <c>A10BA</c>).</summary>
    public int ClassLength { get; init; } = 5;
}

/// <summary>Builds drug eras and treatment lines from dispensations (pure, deterministic).</summary>
public static class TreatmentLineBuilder
{
    /// <summary>
    /// Eras per drug class from dispensations (ATC code, date, boxes, large pack) restricted to <paramref name="atcPrefixes"/>.
    /// Negative boxes (regularisations) shorten what the class covers; a net non-positive dispensation day covers nothing.
    /// </summary>
    public static ImmutableArray<DrugEra> Eras(
        IEnumerable<(string Atc, DateOnly Date, double Boxes, bool LargePack)> dispensations,
        ImmutableArray<string> atcPrefixes,
        TreatmentLineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dispensations);
        options ??= TreatmentLineOptions.Default;
        var byClassDay = new SortedDictionary<(string Class, int Day), double>();
        foreach (var (atc, date, boxes, large) in dispensations)
        {
            if (atc.Length < options.ClassLength || !CodePrefixes.StartsWithAny(atc, atcPrefixes.AsSpan()))
            {
                continue;
            }

            var key = (atc[..options.ClassLength], date.DayNumber);
            var days = boxes * (large ? options.DaysPerLargePack : options.DaysPerPack);
            byClassDay[key] = byClassDay.GetValueOrDefault(key) + days;
        }

        var eras = ImmutableArray.CreateBuilder<DrugEra>();
        string? current = null;
        int start = 0, end = 0;
        foreach (var ((cls, day), coveredDays) in byClassDay)
        {
            if (coveredDays <= 0)
            {
                continue;
            }

            var last = day + (int)Math.Ceiling(coveredDays) - 1;
            if (current == cls && day <= end + options.EraGapDays + 1)
            {
                end = Math.Max(end, last);
                continue;
            }

            if (current is not null)
            {
                eras.Add(new DrugEra(current, DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(end)));
            }

            (current, start, end) = (cls, day, last);
        }

        if (current is not null)
        {
            eras.Add(new DrugEra(current, DateOnly.FromDayNumber(start), DateOnly.FromDayNumber(end)));
        }

        return eras.ToImmutable();
    }

    /// <summary>
    /// Lines from eras: the timeline is cut where the set of active classes changes; overlaps shorter than the
    /// combination window are given to the regimen that was there before (a switch, not a combination);
    /// consecutive stretches with the same regimen merge; a new line starts at each change of regimen.
    /// </summary>
    public static ImmutableArray<TreatmentLine> Lines(ImmutableArray<DrugEra> eras, TreatmentLineOptions? options = null)
    {
        options ??= TreatmentLineOptions.Default;
        if (eras.IsEmpty)
        {
            return [];
        }

        var cuts = eras.SelectMany(e => new[] { e.Start.DayNumber, e.End.DayNumber + 1 }).Distinct().Order().ToArray();
        var segments = new List<(int Start, int End, string Regimen, int Classes)>();
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1] - 1);
            var active = eras.Where(e => e.Start.DayNumber <= from && e.End.DayNumber >= to).Select(e => e.DrugClass).Distinct().Order(StringComparer.Ordinal).ToArray();
            if (active.Length > 0)
            {
                segments.Add((from, to, string.Join('+', active), active.Length));
            }
        }

        // Short overlaps are switches: keep the regimen in force before the overlap.
        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (s.Classes > 1 && s.End - s.Start + 1 < options.CombinationWindowDays && i > 0 && segments[i - 1].End + 1 == s.Start)
            {
                segments[i] = s with { Regimen = segments[i - 1].Regimen, Classes = segments[i - 1].Classes };
            }
        }

        var lines = ImmutableArray.CreateBuilder<TreatmentLine>();
        foreach (var s in segments)
        {
            if (lines.Count > 0 && lines[^1].Regimen == s.Regimen && lines[^1].End.DayNumber + 1 >= s.Start)
            {
                lines[^1] = lines[^1] with { End = DateOnly.FromDayNumber(s.End) };
            }
            else
            {
                lines.Add(new TreatmentLine(lines.Count + 1, s.Regimen, DateOnly.FromDayNumber(s.Start), DateOnly.FromDayNumber(s.End)));
            }
        }

        return lines.ToImmutable();
    }
}
