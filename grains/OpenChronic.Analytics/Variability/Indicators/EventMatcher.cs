using System.Collections.Immutable;
using OpenChronic.Domain.Pathways;

namespace OpenChronic.Analytics.Variability.Indicators;

/// <summary>An <see cref="EventRule"/> with its code prefixes packed once, matched against timeline events without allocating.</summary>
internal sealed class EventMatcher
{
    private readonly EventRule _rule;
    private readonly (ulong Prefix, int Length)[] _codes;
    private readonly (ulong Prefix, int Length)[] _excluded;

    public EventMatcher(EventRule rule)
    {
        _rule = rule;
        _codes = Prefixes(rule.Codes);
        _excluded = Prefixes(rule.ExcludedCodes);
    }

    public static (ulong Prefix, int Length)[] Prefixes(ImmutableArray<string> codes) =>
        [.. codes.Select(c => (PackedCode.Pack(c), c.Length))];

    public static bool StartsWithAny(ulong code, (ulong Prefix, int Length)[] prefixes)
    {
        foreach (var (prefix, length) in prefixes)
        {
            if (PackedCode.StartsWith(code, prefix, length))
            {
                return true;
            }
        }

        return false;
    }

    public bool Matches(in CareEvent e)
    {
        if (e.Kind != _rule.Kind)
        {
            return false;
        }

        if (_rule.CommunityOnly && (e.Traits & CareEventTraits.Hospital) != 0)
        {
            return false;
        }

        if (!_rule.Specialties.IsEmpty && !_rule.Specialties.Contains(e.Specialty))
        {
            return false;
        }

        // A regularisation line (negative quantity) cancels a dispensation; it is no care.
        if (e.Kind == CareEventKind.Dispensation && e.Value < 0)
        {
            return false;
        }

        return (_codes.Length == 0 || StartsWithAny(e.Code, _codes)) && !StartsWithAny(e.Code, _excluded);
    }
}
