using System.Collections.Frozen;

namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// The ICD-10 chapters and blocks (ranges of three-character categories), as data. Source: WHO, ICD-10 Version
/// 2019, tabular list (https://icd.who.int/browse10/2019/en); chapter XXII holds the U codes. Each line:
/// chapter number;block start;block end (the first line of a chapter gives the chapter's own range as 0).
/// </summary>
public static class Icd10Blocks
{
    private const string Data = """
        I;A00;B99
        I;A00;A09
        I;A15;A19
        I;A20;A28
        I;A30;A49
        I;A50;A64
        I;A65;A69
        I;A70;A74
        I;A75;A79
        I;A80;A89
        I;A90;A99
        I;B00;B09
        I;B15;B19
        I;B20;B24
        I;B25;B34
        I;B35;B49
        I;B50;B64
        I;B65;B83
        I;B85;B89
        I;B90;B94
        I;B95;B98
        I;B99;B99
        II;C00;D48
        II;C00;C14
        II;C15;C26
        II;C30;C39
        II;C40;C41
        II;C43;C44
        II;C45;C49
        II;C50;C50
        II;C51;C58
        II;C60;C63
        II;C64;C68
        II;C69;C72
        II;C73;C75
        II;C76;C80
        II;C81;C96
        II;C97;C97
        II;D00;D09
        II;D10;D36
        II;D37;D48
        III;D50;D89
        III;D50;D53
        III;D55;D59
        III;D60;D64
        III;D65;D69
        III;D70;D77
        III;D80;D89
        IV;E00;E90
        IV;E00;E07
        IV;E10;E14
        IV;E15;E16
        IV;E20;E35
        IV;E40;E46
        IV;E50;E64
        IV;E65;E68
        IV;E70;E90
        V;F00;F99
        V;F00;F09
        V;F10;F19
        V;F20;F29
        V;F30;F39
        V;F40;F48
        V;F50;F59
        V;F60;F69
        V;F70;F79
        V;F80;F89
        V;F90;F98
        V;F99;F99
        VI;G00;G99
        VI;G00;G09
        VI;G10;G14
        VI;G20;G26
        VI;G30;G32
        VI;G35;G37
        VI;G40;G47
        VI;G50;G59
        VI;G60;G64
        VI;G70;G73
        VI;G80;G83
        VI;G90;G99
        VII;H00;H59
        VII;H00;H06
        VII;H10;H13
        VII;H15;H22
        VII;H25;H28
        VII;H30;H36
        VII;H40;H42
        VII;H43;H45
        VII;H46;H48
        VII;H49;H52
        VII;H53;H54
        VII;H55;H59
        VIII;H60;H95
        VIII;H60;H62
        VIII;H65;H75
        VIII;H80;H83
        VIII;H90;H95
        IX;I00;I99
        IX;I00;I02
        IX;I05;I09
        IX;I10;I15
        IX;I20;I25
        IX;I26;I28
        IX;I30;I52
        IX;I60;I69
        IX;I70;I79
        IX;I80;I89
        IX;I95;I99
        X;J00;J99
        X;J00;J06
        X;J09;J18
        X;J20;J22
        X;J30;J39
        X;J40;J47
        X;J60;J70
        X;J80;J84
        X;J85;J86
        X;J90;J94
        X;J95;J99
        XI;K00;K93
        XI;K00;K14
        XI;K20;K31
        XI;K35;K38
        XI;K40;K46
        XI;K50;K52
        XI;K55;K64
        XI;K65;K67
        XI;K70;K77
        XI;K80;K87
        XI;K90;K93
        XII;L00;L99
        XII;L00;L08
        XII;L10;L14
        XII;L20;L30
        XII;L40;L45
        XII;L50;L54
        XII;L55;L59
        XII;L60;L75
        XII;L80;L99
        XIII;M00;M99
        XIII;M00;M03
        XIII;M05;M14
        XIII;M15;M19
        XIII;M20;M25
        XIII;M30;M36
        XIII;M40;M43
        XIII;M45;M49
        XIII;M50;M54
        XIII;M60;M63
        XIII;M65;M68
        XIII;M70;M79
        XIII;M80;M85
        XIII;M86;M90
        XIII;M91;M94
        XIII;M95;M99
        XIV;N00;N99
        XIV;N00;N08
        XIV;N10;N16
        XIV;N17;N19
        XIV;N20;N23
        XIV;N25;N29
        XIV;N30;N39
        XIV;N40;N51
        XIV;N60;N64
        XIV;N70;N77
        XIV;N80;N98
        XIV;N99;N99
        XV;O00;O99
        XV;O00;O08
        XV;O10;O16
        XV;O20;O29
        XV;O30;O48
        XV;O60;O75
        XV;O80;O84
        XV;O85;O92
        XV;O94;O99
        XVI;P00;P96
        XVI;P00;P04
        XVI;P05;P08
        XVI;P10;P15
        XVI;P20;P29
        XVI;P35;P39
        XVI;P50;P61
        XVI;P70;P74
        XVI;P75;P78
        XVI;P80;P83
        XVI;P90;P96
        XVII;Q00;Q99
        XVII;Q00;Q07
        XVII;Q10;Q18
        XVII;Q20;Q28
        XVII;Q30;Q34
        XVII;Q35;Q37
        XVII;Q38;Q45
        XVII;Q50;Q56
        XVII;Q60;Q64
        XVII;Q65;Q79
        XVII;Q80;Q89
        XVII;Q90;Q99
        XVIII;R00;R99
        XVIII;R00;R09
        XVIII;R10;R19
        XVIII;R20;R23
        XVIII;R25;R29
        XVIII;R30;R39
        XVIII;R40;R46
        XVIII;R47;R49
        XVIII;R50;R69
        XVIII;R70;R79
        XVIII;R80;R82
        XVIII;R83;R89
        XVIII;R90;R94
        XVIII;R95;R99
        XIX;S00;T98
        XIX;S00;S09
        XIX;S10;S19
        XIX;S20;S29
        XIX;S30;S39
        XIX;S40;S49
        XIX;S50;S59
        XIX;S60;S69
        XIX;S70;S79
        XIX;S80;S89
        XIX;S90;S99
        XIX;T00;T07
        XIX;T08;T14
        XIX;T15;T19
        XIX;T20;T32
        XIX;T33;T35
        XIX;T36;T50
        XIX;T51;T65
        XIX;T66;T78
        XIX;T79;T79
        XIX;T80;T88
        XIX;T90;T98
        XX;V01;Y98
        XX;V01;V99
        XX;W00;X59
        XX;X60;X84
        XX;X85;Y09
        XX;Y10;Y34
        XX;Y35;Y36
        XX;Y40;Y84
        XX;Y85;Y89
        XX;Y90;Y98
        XXI;Z00;Z99
        XXI;Z00;Z13
        XXI;Z20;Z29
        XXI;Z30;Z39
        XXI;Z40;Z54
        XXI;Z55;Z65
        XXI;Z70;Z76
        XXI;Z80;Z99
        XXII;U00;U99
        XXII;U00;U49
        XXII;U82;U85
        """;

    private static readonly Lazy<(FrozenDictionary<string, string> Block, FrozenDictionary<string, string> Chapter)> s_table = new(Build);

    /// <summary>
    /// The block ("E10-E14") of a three-character category, or the chapter range when no block lists it; null
    /// when the category is in no chapter.
    /// </summary>
    public static string? Block(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return s_table.Value.Block.GetValueOrDefault(category) ?? Chapter(category)?.Split(' ')[1];
    }

    /// <summary>The chapter ("IV E00-E90") of a three-character category, or null.</summary>
    public static string? Chapter(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return s_table.Value.Chapter.GetValueOrDefault(category);
    }

    private static (FrozenDictionary<string, string>, FrozenDictionary<string, string>) Build()
    {
        var block = new Dictionary<string, string>(StringComparer.Ordinal);
        var chapter = new Dictionary<string, string>(StringComparer.Ordinal);
        string? currentChapter = null;
        foreach (var line in Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(';');
            var range = $"{parts[1]}-{parts[2]}";
            var isChapterLine = currentChapter is null || !currentChapter.StartsWith(parts[0] + " ", StringComparison.Ordinal);
            if (isChapterLine)
            {
                currentChapter = $"{parts[0]} {range}";
            }

            foreach (var category in Categories(parts[1], parts[2]))
            {
                if (isChapterLine)
                {
                    chapter.TryAdd(category, currentChapter!);
                }
                else
                {
                    block.TryAdd(category, range);
                }
            }
        }

        return (block.ToFrozenDictionary(StringComparer.Ordinal), chapter.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // three-character categories from start to end inclusive (letter + two digits, possibly across letters)
    private static IEnumerable<string> Categories(string start, string end)
    {
        var from = ((start[0] - 'A') * 100) + int.Parse(start.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var to = ((end[0] - 'A') * 100) + int.Parse(end.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = from; i <= to; i++)
        {
            yield return $"{(char)('A' + (i / 100))}{i % 100:D2}";
        }
    }
}
