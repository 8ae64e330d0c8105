namespace OpenChronic.Synthetic.Output;

/// <summary>
/// <c>BEN_AMA_COD</c> as IR_AMA_V encodes it: 1000 + age in months under two years ("Nourrisson n mois"),
/// else the age in years (2 to 130). The day of birth is unknown, so months are counted from the birth month.
/// </summary>
internal static class AgeCode
{
    public static int Of(DateOnly care, int birthYear, int birthMonth)
    {
        var months = Math.Max(0, (care.Year - birthYear) * 12 + care.Month - birthMonth);
        return months < 24 ? 1000 + months : months / 12;
    }
}
