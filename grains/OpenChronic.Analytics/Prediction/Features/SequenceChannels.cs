namespace OpenChronic.Analytics.Prediction.Features;

/// <summary>
/// The channels of the monthly event sequences the recurrent model reads: GP and specialist consultations,
/// dispensations, biology, CCAM acts, hospital stays, ALD-exonerated claims, isolated tests (a biology test that was
/// the person's only test that day: a targeted test rather than a panel), then dispensations by ATC main group.
/// Values are log(1 + count).
/// </summary>
public static class SequenceChannels
{
    /// <summary>The ATC anatomical main groups, in channel order after the seven care channels.</summary>
    public const string AtcGroups = "ABCDGHJLMNPRSV";

    public const int Gp = 0;
    public const int Specialist = 1;
    public const int Dispensation = 2;
    public const int Biology = 3;
    public const int Act = 4;
    public const int Stay = 5;
    public const int AldRelated = 6;
    public const int IsolatedTest = 7;
    public const int FirstAtc = 8;

    /// <summary>Number of channels.</summary>
    public const int Count = FirstAtc + 14;

    /// <summary>Months in a sequence (the lookback split in 12).</summary>
    public const int Months = 12;

    /// <summary>GP specialties (PSE_SPE_COD): general practice 1, 22, 23.</summary>
    public static bool IsGp(short specialty) => specialty is 1 or 22 or 23;
}
