namespace OpenChronic.Analytics.Coordination;

/// <summary>
/// Compares measured GP continuity with the continuity a synthetic generator planted (synthetic data only). A
/// person's GP visit goes to the declared GP with probability c, else to any of the G GPs of the département (the
/// declared one included), so the planted share of visits with the declared GP is e = c + (1 − c)/G. Persons are
/// kept when they have a declared <i>médecin traitant</i> and at least a minimum number of GP visits over the study
/// period: the COC literature computes the indices only above a minimum (Bice–Boxerman COC needs 2 visits; Nyweide
/// et al., JAMA Intern Med 2013;173(20):1879–85, kept Medicare beneficiaries with at least 4 ambulatory visits, the
/// default here). Binomial noise on a person's N visits bounds the correlation any share can reach: the ceiling
/// √(Var e / (Var e + mean e(1 − e)/N)) is reported beside the correlation.
/// </summary>
public static class ContinuityTruthCheck
{
    /// <summary>Default minimum number of GP visits over the study period (Nyweide et al. 2013: at least 4).</summary>
    public const int DefaultMinVisits = 4;

    /// <summary>Target of the correlation between UPC against the declared GP and the planted continuity (issue 9).</summary>
    public const double Target = 0.8;

    /// <summary>The check for the persons with at least <paramref name="minVisits"/> GP visits and a declared GP.</summary>
    public static ContinuityTruthRow Evaluate(IReadOnlyList<ContinuityTruthPerson> persons, int minVisits)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentOutOfRangeException.ThrowIfLessThan(minVisits, 1);
        var kept = persons.Where(p => p.GeneralPractice.Visits >= minVisits && !double.IsNaN(p.GeneralPractice.UpcDeclaredGp)).ToArray();
        var upc = kept.Select(p => p.GeneralPractice.UpcDeclaredGp).ToArray();
        var planted = kept.Select(p => p.Planted).ToArray();
        var expected = kept.Select(p => p.Expected).ToArray();
        return new ContinuityTruthRow(
            minVisits,
            kept.Length,
            kept.Length == 0 ? double.NaN : kept.Average(p => p.GeneralPractice.Visits),
            Pearson(planted, upc),
            Pearson(expected, upc),
            Pearson(expected, [.. kept.Select(p => p.GeneralPractice.UpcMostSeenGp)]),
            Pearson(expected, [.. kept.Select(p => p.GeneralPractice.BiceBoxerman)]),
            kept.Length == 0 ? double.NaN : kept.Average(p => p.GeneralPractice.UpcDeclaredGp - p.Expected),
            Ceiling(kept),
            Ceiling(kept, p => p.Planted));
    }

    /// <summary>Pearson correlation of paired values, skipping pairs with a NaN; NaN under 3 pairs or without spread.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("The two series differ in length.", nameof(y));
        }

        double n = 0, sx = 0, sy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                n++;
                sx += x[i];
                sy += y[i];
            }
        }

        if (n < 3)
        {
            return double.NaN;
        }

        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sxy += (x[i] - mx) * (y[i] - my);
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
            }
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>
    /// The highest correlation a share measured on each person's N visits can reach with the planted share e when
    /// binomial noise is the only error: √(Var e / (Var e + mean e(1 − e)/N)); NaN under 3 persons.
    /// </summary>
    public static double Ceiling(IReadOnlyList<ContinuityTruthPerson> persons) => Ceiling(persons, p => p.Expected);

    /// <summary>
    /// The same ceiling for another planted share: with <see cref="ContinuityTruthPerson.Planted"/>, the ceiling a
    /// world with many GPs per département would allow (e → c as G grows), on the same persons' visit counts.
    /// </summary>
    public static double Ceiling(IReadOnlyList<ContinuityTruthPerson> persons, Func<ContinuityTruthPerson, double> share)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(share);
        if (persons.Count < 3)
        {
            return double.NaN;
        }

        var mean = persons.Average(share);
        var variance = persons.Sum(p => (share(p) - mean) * (share(p) - mean)) / (persons.Count - 1);
        var noise = persons.Average(p => share(p) * (1 - share(p)) / Math.Max(1, p.GeneralPractice.Visits));
        return variance + noise > 0 ? Math.Sqrt(variance / (variance + noise)) : double.NaN;
    }
}

/// <summary>One person of the continuity check: planted continuity c, planted share e and the measured GP-only indices.</summary>
/// <param name="Planted">The planted continuity c.</param>
/// <param name="Expected">The planted share of GP visits with the declared GP, e = c + (1 − c)/G.</param>
/// <param name="GeneralPractice">The indices over the person's GP visits of the study period.</param>
public sealed record ContinuityTruthPerson(double Planted, double Expected, ContinuityResult GeneralPractice);

/// <summary>The continuity check at one minimum number of GP visits (NaN where undefined).</summary>
/// <param name="MinVisits">Minimum GP visits over the study period.</param>
/// <param name="Persons">Persons kept (declared GP, at least the minimum).</param>
/// <param name="MeanVisits">Mean GP visits of the persons kept.</param>
/// <param name="UpcDeclaredVsPlanted">r(UPC against the declared GP, c): the target.</param>
/// <param name="UpcDeclaredVsExpected">r(UPC against the declared GP, e).</param>
/// <param name="UpcMostSeenVsExpected">r(UPC of the most-seen GP, e).</param>
/// <param name="CocVsExpected">r(GP-only Bice–Boxerman COC, e).</param>
/// <param name="MeanBias">Mean of (UPC against the declared GP − e).</param>
/// <param name="Ceiling">The binomial-noise ceiling of the correlation with e.</param>
/// <param name="CeilingManyGps">The ceiling if the share were c itself (many GPs per département), same visit counts.</param>
public sealed record ContinuityTruthRow(
    int MinVisits,
    int Persons,
    double MeanVisits,
    double UpcDeclaredVsPlanted,
    double UpcDeclaredVsExpected,
    double UpcMostSeenVsExpected,
    double CocVsExpected,
    double MeanBias,
    double Ceiling,
    double CeilingManyGps);
