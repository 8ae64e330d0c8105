using System.Globalization;
using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Privacy.Anonymity;

namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The generalized vocabulary of released events. An event becomes a code of its system at a starting level —
/// <c>atc:</c> (ATC truncated), <c>icd:</c> (ICD-10 category), <c>ccam:</c> (first two characters: system and organ),
/// <c>nabm:</c> (first two digits), <c>ghm:</c> (CMD), <c>spe:</c> (professional specialty; the professional
/// itself never), <c>ald:</c> (ALD number), <c>death</c> — and an item <c>code@period</c>. The item hierarchy the
/// k^m protection climbs: level i is the code raised i steps (<see cref="Up(string, EventReleasePolicy)"/>) with the period coarsened
/// (quarter, semester, year, any; month, quarter, year, any; semester, year, 2 years, any; year, 2 years, 4 years, any;
/// or week, 4 weeks, 52 weeks, any). Establishments, professionals, CIP13, quantities
/// and exact dates are never part of an item.
/// </summary>
public static class EventCodes
{
    /// <summary>Levels of the item hierarchy above the leaves (before the root).</summary>
    public const int Levels = 4;

    /// <summary>The starting code of an event, or null when the event is not released.</summary>
    public static string? Start(in CareEvent e, EventReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var code = PackedCode.Unpack(e.Code);
        return e.Kind switch
        {
            CareEventKind.Dispensation when code.Length > 0 => "atc:" + code[..Math.Min(code.Length, policy.AtcLength)],
            CareEventKind.Diagnosis when code.Length >= 3 => "icd:" + code[..3],
            CareEventKind.Act when code.Length >= 2 => "ccam:" + code[..2],
            CareEventKind.Biology when code.Length >= 2 => "nabm:" + code[..2],
            CareEventKind.HospitalStay when code.Length >= 2 => "ghm:" + code[..2],
            CareEventKind.Consultation => "spe:" + e.Specialty.ToString(CultureInfo.InvariantCulture),
            CareEventKind.AldRegistration => "ald:" + ((int)e.Value).ToString(CultureInfo.InvariantCulture),
            CareEventKind.Death => "death",
            _ => null,
        };
    }

    /// <summary>The code one step more general; a system's top (<c>atc:*</c>, …) stays itself.</summary>
    public static string Up(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || code.EndsWith(":*", StringComparison.Ordinal))
        {
            return code;
        }

        var system = code[..colon];
        var rest = code[(colon + 1)..];
        return system switch
        {
            "atc" => rest.Length switch
            {
                7 => "atc:" + rest[..5],
                5 => "atc:" + rest[..4],
                4 => "atc:" + rest[..3],
                3 => "atc:" + rest[..1],
                _ => "atc:*",
            },
            "icd" when rest.Length == 3 => "icd:" + (Icd10Blocks.Block(rest) ?? "other"),
            "icd" when rest.Contains('-', StringComparison.Ordinal) => "icd:" + (Icd10Blocks.Chapter(rest[..3])?.Split(' ')[0] ?? "other") + ":chapter",
            "ccam" or "nabm" or "ghm" when rest.Length > 1 => system + ":" + rest[..1],
            _ => system + ":*",
        };
    }

    /// <summary>
    /// The code one step more general within the policy's floors (<see cref="EventReleasePolicy.AtcFloor"/>,
    /// <see cref="EventReleasePolicy.IcdFloor"/>, <see cref="EventReleasePolicy.ActFloor"/>): at its floor a code stays
    /// itself, so that the protection suppresses it rather than publish a useless system top. Specialties and ALD
    /// numbers are never generalized (a small vocabulary; a rare one is suppressed).
    /// </summary>
    public static string Up(string code, EventReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var next = Up(code);
        var colon = next.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || next == code)
        {
            return code;
        }

        var rest = next[(colon + 1)..];
        var depth = rest == "*" ? 0 : rest.Length;
        var allowed = next[..colon] switch
        {
            "atc" => depth >= policy.AtcFloor,
            "icd" => IcdRank(rest) <= IcdRank(policy.IcdFloor),
            "ccam" or "nabm" or "ghm" => depth >= policy.ActFloor,
            _ => false,
        };
        return allowed ? next : code;
    }

    /// <summary>The code raised <paramref name="steps"/> times within the policy's floors.</summary>
    public static string Raise(string code, int steps, EventReleasePolicy policy)
    {
        for (var i = 0; i < steps; i++)
        {
            code = Up(code, policy);
        }

        return code;
    }

    private static int IcdRank(string icd) => icd switch
    {
        "category" => 0,
        "block" => 1,
        "chapter" => 2,
        "any" or "*" => 3,
        _ when icd.EndsWith(":chapter", StringComparison.Ordinal) || icd == "other" => 2,
        _ when icd.Contains('-', StringComparison.Ordinal) => 1,
        _ => 0,
    };

    /// <summary>The item of a code in a period (<paramref name="unit"/> units since the reference).</summary>
    public static string Item(string code, int unit, EventReleasePolicy policy) => code + "@" + Period(unit, 0, policy);

    /// <summary>The period label of <paramref name="unit"/> at hierarchy level 0..<see cref="Levels"/>.</summary>
    public static string Period(int unit, int level, EventReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (unitName, middleName, middle, yearName, year) = policy.TimeUnit switch
        {
            "week" => ("w", "w4:", 4, "w52:", 52),
            "month" => ("m", "q", 3, "y", 12),
            "semester" => ("s", "y", 2, "y2:", 4),
            "year" => ("y", "y2:", 2, "y4:", 4),
            _ => ("q", "s", 2, "y", 4),
        };
        return level switch
        {
            0 or 1 => unitName + unit.ToString(CultureInfo.InvariantCulture),
            2 => middleName + FloorDiv(unit, middle).ToString(CultureInfo.InvariantCulture),
            3 => yearName + FloorDiv(unit, year).ToString(CultureInfo.InvariantCulture),
            _ => "*",
        };
    }

    /// <summary>The released kind of a code (from its system).</summary>
    public static string KindOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? code : code[..colon]) switch
        {
            "atc" => "dispensation",
            "icd" => "diagnosis",
            "ccam" => "act",
            "nabm" => "biology",
            "ghm" => "stay",
            "spe" => "consultation",
            "ald" => "ald",
            _ => "death",
        };
    }

    /// <summary>
    /// The hierarchy over leaf items <c>prefix code@unit</c> (built from the leaves' prefixes, codes and units); the
    /// prefix (a quasi-identifier class, or empty) is kept at every level.
    /// </summary>
    public static HierarchyParseResult Hierarchy(IEnumerable<(string Prefix, string Code, int Unit)> leaves, EventReleasePolicy policy)
    {
        var units = new Dictionary<string, (string Prefix, string Code, int Unit)>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            units.TryAdd(leaf.Prefix + Item(leaf.Code, leaf.Unit, policy), leaf);
        }

        string Level(string item, int level)
        {
            var (prefix, code, unit) = units[item];
            return prefix + Raise(code, level, policy) + "@" + Period(unit, Math.Min(level, policy.PeriodCeiling), policy);
        }

        return HierarchyBuilders.FromFunctions(units.Keys.Order(StringComparer.Ordinal), "events",
            i => Level(i, 1), i => Level(i, 2), i => Level(i, 3), i => Level(i, 4));
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor(a / (double)b);
}
