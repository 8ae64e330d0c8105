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
    // The covered days of one call, reused by the next call on the thread (a call is synchronous and returns none of it).
    [ThreadStatic]
    private static List<ClassDay>? s_covered;

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
        var covered = s_covered ??= [];
        covered.Clear();
        string? lastAtc = null, lastClass = null;
        if (dispensations is List<(string Atc, DateOnly Date, double Boxes, bool LargePack)> list)
        {
            // The deriver's list: no boxed enumerator.
            foreach (var d in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
            {
                Cover(d, atcPrefixes, options, covered, ref lastAtc, ref lastClass);
            }
        }
        else
        {
            foreach (var d in dispensations)
            {
                Cover(d, atcPrefixes, options, covered, ref lastAtc, ref lastClass);
            }
        }

        if (covered.Count == 0)
        {
            return [];
        }

        // Days covered per (class, day) in the order of a sorted dictionary keyed by (class, day) with the default
        // comparer: one sort (ties by arrival, so each key's days add up in arrival order, as they did in the dictionary).
        var days = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(covered);
        days.Sort(static (a, b) =>
            Comparer<string>.Default.Compare(a.Class, b.Class) is var c && c != 0 ? c
            : a.Day != b.Day ? a.Day.CompareTo(b.Day)
            : a.Arrival.CompareTo(b.Arrival));
        var eras = ImmutableArray.CreateBuilder<DrugEra>();
        string? current = null;
        int start = 0, end = 0;
        for (var i = 0; i < days.Length;)
        {
            // One key: the class as first given, the days summed in arrival order.
            var (cls, day) = (days[i].Class, days[i].Day);
            var coveredDays = 0d;
            for (; i < days.Length && days[i].Day == day && Comparer<string>.Default.Compare(days[i].Class, cls) == 0; i++)
            {
                coveredDays += days[i].Days;
            }

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

    private static void Cover((string Atc, DateOnly Date, double Boxes, bool LargePack) d, ImmutableArray<string> atcPrefixes,
        TreatmentLineOptions options, List<ClassDay> covered, ref string? lastAtc, ref string? lastClass)
    {
        var (atc, date, boxes, large) = d;
        if (atc.Length < options.ClassLength || !CodePrefixes.StartsWithAny(atc, atcPrefixes.AsSpan()))
        {
            return;
        }

        // Consecutive dispensations of one code share the class string.
        if (!string.Equals(atc, lastAtc, StringComparison.Ordinal))
        {
            (lastAtc, lastClass) = (atc, atc[..options.ClassLength]);
        }

        covered.Add(new ClassDay(lastClass!, date.DayNumber, boxes * (large ? options.DaysPerLargePack : options.DaysPerPack), covered.Count));
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

        // The days where the set of active classes changes, distinct and in order.
        var cuts = new int[2 * eras.Length];
        for (var i = 0; i < eras.Length; i++)
        {
            (cuts[2 * i], cuts[(2 * i) + 1]) = (eras[i].Start.DayNumber, eras[i].End.DayNumber + 1);
        }

        Array.Sort(cuts);
        var distinct = cuts.Length == 0 ? 0 : 1;
        for (var i = 1; i < cuts.Length; i++)
        {
            if (cuts[i] != cuts[distinct - 1])
            {
                cuts[distinct++] = cuts[i];
            }
        }

        var segments = new List<(int Start, int End, string Regimen, int Classes)>();
        var active = new List<string>();
        for (var i = 0; i + 1 < distinct; i++)
        {
            var (from, to) = (cuts[i], cuts[i + 1] - 1);
            active.Clear();
            foreach (var e in eras)
            {
                if (e.Start.DayNumber <= from && e.End.DayNumber >= to && !active.Contains(e.DrugClass))
                {
                    active.Add(e.DrugClass);
                }
            }

            if (active.Count > 0)
            {
                active.Sort(StringComparer.Ordinal);
                segments.Add((from, to, string.Join('+', System.Runtime.InteropServices.CollectionsMarshal.AsSpan(active)), active.Count));
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

    /// <summary>The days one dispensation covers for its class, with its arrival rank among the matching dispensations.</summary>
    private readonly record struct ClassDay(string Class, int Day, double Days, int Arrival);
}
