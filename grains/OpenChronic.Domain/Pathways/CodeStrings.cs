using System.Collections.Concurrent;

namespace OpenChronic.Domain.Pathways;

/// <summary>
/// The strings of packed codes (<see cref="PackedCode.Unpack(ulong)"/>) shared between patients: a pathway turns the
/// same few thousand ATC, ICD-10 and CCAM codes into strings for every patient, and one string per code is enough.
/// Bounded: past <see cref="MaxCodes"/> distinct codes, further codes are unpacked without being kept.
/// </summary>
internal static class CodeStrings
{
    private const int MaxCodes = 1 << 16;
    private static readonly ConcurrentDictionary<ulong, string> s_strings = new();

    public static string Of(ulong packed)
    {
        if (s_strings.TryGetValue(packed, out var code))
        {
            return code;
        }

        code = PackedCode.Unpack(packed);
        return s_strings.Count < MaxCodes ? s_strings.GetOrAdd(packed, code) : code;
    }
}
