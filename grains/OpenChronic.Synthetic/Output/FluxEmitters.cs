using System.Collections.Frozen;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// <c>FLX_EMT_NUM</c> of a claim: a régime général processing centre of IR_NEM_T (<c>TYT_COD</c> 1, matching
/// <c>FLX_EMT_TYP</c> 1) chosen by the region of the beneficiary's département. IR_NEM_T names the centres but
/// not the funds each one serves, so this assignment is synthetic: nearby centres by region, a département's
/// centre fixed among several of its region by its code.
/// </summary>
internal static class FluxEmitters
{
    /// <summary>The emitter number for a département code of IR_DPT_V (3 characters).</summary>
    public static int For(string departement)
    {
        var centres = s_byDepartement.TryGetValue(departement, out var c) ? c : s_paris;
        var index = 0;
        foreach (var ch in departement)
        {
            index += ch;
        }

        return centres[index % centres.Length];
    }

    /// <summary>Every number <see cref="For"/> can return.</summary>
    public static IEnumerable<int> All => s_regions.SelectMany(r => r.Centres).Concat(s_paris).Distinct();

    private static readonly int[] s_paris = [36, 4];

    private static readonly (int[] Centres, string Departements)[] s_regions =
    [
        ([1, 11, 22], "014 027 050 061 076"),                                             // Rouen 1–3
        ([2, 6, 5, 27, 26], "009 011 012 030 031 032 034 046 048 065 066 081 082"),     // Toulouse 1–5
        ([8], "016 017 019 023 024 033 040 047 064 079 086 087"),                        // Limoges
        ([17, 10, 13], "008 010 051 052 054 055 057 067 068 088"),                       // Strasbourg 1–3
        ([16, 25], "001 003 007 015 026 038 042 043 063 069 073 074 021 025 039 058 070 071 089 090"), // Saint-Étienne 1–2
        ([23, 18], "044 049 053 072 085 022 029 035 056 018 028 036 037 041 045"),       // Angers 1–2
        ([19], "002 059 060 062 080"),                                                    // Lille
        ([21], "004 005 006 013 083 084 02A 02B"),                                        // Nice
        ([36], "075 092 093 094"),                                                        // Montigny
        ([4], "077 078 091 095 971 972 973 974"),                                         // Melun
        ([28], "976"),                                                                    // Mayotte
    ];

    // Declared after the tables it reads: static initialisers run in text order.
    private static readonly FrozenDictionary<string, int[]> s_byDepartement = Build();

    private static FrozenDictionary<string, int[]> Build() =>
        s_regions.SelectMany(r => r.Departements.Split(' ').Select(d => (d, r.Centres)))
            .ToFrozenDictionary(x => x.d, x => x.Centres, StringComparer.Ordinal);
}
