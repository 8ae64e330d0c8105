namespace OpenChronic.Synthetic.Model;

/// <summary>
/// The Luhn check digit that completes a synthetic identifier: the FINESS key that turns the 8-character
/// <c>ETB_EXE_FIN</c> into the 9-character <c>ETA_NUM</c>, and the ninth character of the professionals'
/// <c>PFS_EXE_NUM</c>. Letters (the Corsican <c>2A</c> / <c>2B</c>) count as 0.
/// </summary>
internal static class LuhnKey
{
    public static char Of(string digits)
    {
        var sum = 0;
        var doubled = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = char.IsAsciiDigit(digits[i]) ? digits[i] - '0' : 0;
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }
}
