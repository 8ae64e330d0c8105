namespace OpenChronic.Domain.Releases.EventLevel;

/// <summary>
/// The loss model the calibration minimises, comparable across policies with different starting vocabularies. An
/// item <c>code@period</c> keeps a precision in [0, 1], the product of its code's (ATC 5 or 7 characters 1, 4: 0.75,
/// 3: 0.5, 1: 0.25; ICD-10 category 1, block 0.5, chapter 0.25; CCAM / NABM / GHM two characters 1, one 0.5;
/// specialty, ALD number and death 1; a system top 0) and its period's (month or week 1, 4 weeks 1, quarter 0.8,
/// semester 0.6, year 0.4, two years 0.2, four years 0.1, any time 0 — whatever the starting unit, so that a
/// release counted in years is comparable with one counted in quarters). The quasi-identifiers keep the product of the territory's (département 1,
/// région 0.7, national 0.4) and the age band's (10 / width, at most 1). Loss = 1 − item precision × quasi-identifier
/// precision × share of persons released.
/// </summary>
public static class EventLoss
{
    /// <summary>The precision of a released item <c>code@period</c> under <paramref name="policy"/>'s time unit.</summary>
    public static double Precision(string item, EventReleasePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        var at = item.LastIndexOf('@');
        return at < 0 ? 0 : CodePrecision(item[..at]) * PeriodPrecision(item[(at + 1)..], policy.TimeUnit);
    }

    /// <summary>The precision of a released code.</summary>
    public static double CodePrecision(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return 1;
        }

        var rest = code[(colon + 1)..];
        if (rest == "*")
        {
            return 0;
        }

        return code[..colon] switch
        {
            "atc" => rest.Length switch { >= 5 => 1, 4 => 0.75, 3 => 0.5, _ => 0.25 },
            "icd" => rest.Contains(":chapter", StringComparison.Ordinal) || rest == "other" ? 0.25 : rest.Contains('-', StringComparison.Ordinal) ? 0.5 : 1,
            "ccam" or "nabm" or "ghm" => rest.Length >= 2 ? 1 : 0.5,
            _ => 1,
        };
    }

    /// <summary>The precision of a period label for a release counted in <paramref name="timeUnit"/>.</summary>
    public static double PeriodPrecision(string period, string timeUnit)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period == "*")
        {
            return 0;
        }

        if (period.StartsWith("y2:", StringComparison.Ordinal) || period.StartsWith("y4:", StringComparison.Ordinal))
        {
            return period[1] == '2' ? 0.2 : 0.1;
        }

        return (timeUnit, period[0]) switch
        {
            ("week", _) => period.StartsWith("w52:", StringComparison.Ordinal) ? 0.4 : 1,
            ("month", 'm') => 1,
            ("month", 'q') or ("quarter", 'q') => 0.8,
            (_, 's') => 0.6,
            _ => 0.4,
        };
    }

    /// <summary>The precision kept by the quasi-identifiers at a territory level and an age band width.</summary>
    public static double QuasiIdentifierPrecision(string territory, int ageBandYears) =>
        territory switch { "departement" => 1, "region" => 0.7, _ => 0.4 } * Math.Min(1, 10.0 / ageBandYears);

    /// <summary>The loss of a release (see the type's remarks); 1 for a refused one.</summary>
    public static double Of(EventRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (release.Refusal is not null || release.InScope == 0)
        {
            return 1;
        }

        var persons = release.Persons.Length / (double)release.InScope;
        return 1 - (release.ItemPrecision * QuasiIdentifierPrecision(release.Territory, release.Policy.AgeBandYears) * persons);
    }
}
