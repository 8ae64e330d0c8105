namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>The ICD-10 chapter (1–22, WHO 2019) of a code, from its letter and first two digits.</summary>
public static class Icd10Chapter
{
    /// <summary>The chapter of <paramref name="code"/>, or 0 when it does not start with a letter and two digits.</summary>
    public static int Of(ReadOnlySpan<char> code)
    {
        if (code.Length < 3 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiDigit(code[1]) || !char.IsAsciiDigit(code[2]))
        {
            return 0;
        }

        var letter = char.ToUpperInvariant(code[0]);
        var number = ((code[1] - '0') * 10) + (code[2] - '0');
        return letter switch
        {
            'A' or 'B' => 1,
            'C' => 2,
            'D' => number <= 48 ? 2 : 3,
            'E' => 4,
            'F' => 5,
            'G' => 6,
            'H' => number <= 59 ? 7 : 8,
            'I' => 9,
            'J' => 10,
            'K' => 11,
            'L' => 12,
            'M' => 13,
            'N' => 14,
            'O' => 15,
            'P' => 16,
            'Q' => 17,
            'R' => 18,
            'S' or 'T' => 19,
            'V' or 'W' or 'X' or 'Y' => 20,
            'Z' => 21,
            _ => 22,
        };
    }
}
