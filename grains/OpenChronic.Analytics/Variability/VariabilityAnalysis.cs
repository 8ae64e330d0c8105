using System.Collections.Immutable;
using OpenChronic.Analytics.Variability.Indicators;

namespace OpenChronic.Analytics.Variability;

/// <summary>
/// Runs the variability methods on the merged counts of an indicator: reference rates by age × sex over every
/// patient (the national rates), indirect standardisation per unit, exact Poisson funnel limits, overdispersion
/// (winsorised φ, τ² on log O/E, units with O &gt; 0) and the adjusted limits, EQ and CV of standardised rates, SCV,
/// and the random-intercept logistic model on the units' crude counts and, adjusted for case mix, on their age × sex counts. Units with fewer than the minimum number of
/// distinct persons (or no expected count) are not compared: they are pooled.
/// </summary>
public static class VariabilityAnalysis
{
    public static VariabilityReport Analyse(IReadOnlyList<UnitStratumCount> cells, int minPersons)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPersons, 1);
        var rates = IndirectStandardisation.ReferenceRates(cells.Select(c => new StratumCount(c.Stratum, c.Denominator, c.Numerator)));
        long totalDenominator = cells.Sum(c => c.Denominator), totalNumerator = cells.Sum(c => c.Numerator);
        var crude = totalDenominator > 0 ? totalNumerator / (double)totalDenominator : double.NaN;

        var compared = new List<(string Unit, long Persons, long NumeratorPersons, long Denominator, StandardisedRatio Ratio)>();
        var pooled = new List<UnitStratumCount>();
        int pooledUnits = 0;
        long pooledPersons = 0, pooledNumeratorPersons = 0;
        foreach (var unit in cells.Where(c => c.Unit.Length > 0).GroupBy(c => c.Unit, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var strata = unit.Select(c => new StratumCount(c.Stratum, c.Denominator, c.Numerator)).ToArray();
            var ratio = IndirectStandardisation.Compute(strata, rates);
            long persons = unit.Sum(c => c.Persons), numeratorPersons = unit.Sum(c => c.NumeratorPersons);
            if (persons >= minPersons && ratio.Expected > 0)
            {
                compared.Add((unit.Key, persons, numeratorPersons, unit.Sum(c => c.Denominator), ratio));
            }
            else
            {
                pooledUnits++;
                pooledPersons += persons;
                pooledNumeratorPersons += numeratorPersons;
                pooled.AddRange(unit);
            }
        }

        var pooledRatio = IndirectStandardisation.Compute(pooled.Select(c => new StratumCount(c.Stratum, c.Denominator, c.Numerator)).ToArray(), rates);
        var positive = compared.Where(u => u.Ratio.Observed > 0).ToArray();
        var dispersion = positive.Length >= 2
            ? Overdispersion.Ratios(positive.Select(u => u.Ratio.Observed).ToArray(), positive.Select(u => u.Ratio.Expected).ToArray())
            : new OverdispersionResult(double.NaN, 0, []);

        var units = ImmutableArray.CreateBuilder<UnitVariability>(compared.Count);
        foreach (var (unit, persons, numeratorPersons, denominator, ratio) in compared)
        {
            var exact = Funnel.Ratio(ratio.Expected);
            var adjusted = Funnel.RatioAdjusted(ratio.Expected, dispersion.Tau2);
            units.Add(new UnitVariability(unit, persons, numeratorPersons, denominator, ratio, exact, Flag(ratio, exact),
                adjusted, Flag(ratio, adjusted), ratio.Ratio * crude));
        }

        var standardised = units.Select(u => u.StandardisedRate).ToArray();
        var observed = units.Select(u => u.Ratio.Observed).ToArray();
        var expected = units.Select(u => u.Ratio.Expected).ToArray();
        var multilevel = units.Count >= 2 && units.Any(u => u.Ratio.Observed > 0) && units.Any(u => u.Ratio.Observed < u.Denominator)
            ? RandomInterceptLogistic.Fit(units.Select(u => u.Ratio.Observed).ToArray(), units.Select(u => u.Denominator).ToArray())
            : (RandomInterceptResult?)null;
        var caseMix = AdjustedMultilevel(cells, units);
        var unattributed = cells.Where(c => c.Unit.Length == 0).ToArray();
        return new VariabilityReport(units.MoveToImmutable(),
            new PooledUnits(pooledUnits, pooledPersons, pooledNumeratorPersons, pooled.Sum(c => c.Denominator), pooledRatio),
            unattributed.Sum(c => c.Persons), unattributed.Sum(c => c.Denominator), totalDenominator, totalNumerator, crude,
            dispersion.Phi, dispersion.Tau2, VariationStatistics.ExtremalQuotient(standardised), VariationStatistics.CoefficientOfVariation(standardised),
            VariationStatistics.SystematicComponent(observed, expected), multilevel, caseMix);
    }

    // The random-intercept model with age × sex fixed effects on the compared units' unit × stratum counts; none when no stratum is informative.
    private static AdjustedRandomInterceptResult? AdjustedMultilevel(IReadOnlyList<UnitStratumCount> cells, ImmutableArray<UnitVariability>.Builder units)
    {
        var index = units.Select((u, i) => (u.Unit, i)).ToDictionary(x => x.Unit, x => x.i, StringComparer.Ordinal);
        var binomial = cells.Where(c => index.ContainsKey(c.Unit)).Select(c => new BinomialCell(index[c.Unit], c.Stratum, c.Numerator, c.Denominator)).ToArray();
        var informative = binomial.GroupBy(c => c.Stratum).Where(g => g.Sum(c => c.Events) > 0 && g.Sum(c => c.Events) < g.Sum(c => c.Trials))
            .Select(g => g.Key).ToHashSet();
        var fitted = binomial.Where(c => c.Trials > 0 && informative.Contains(c.Stratum)).Select(c => c.Unit).Distinct().Count();
        return fitted >= 2 ? CaseMixRandomIntercept.Fit(binomial) : null;
    }

    /// <summary>
    /// The unit's position; a unit with no event lies below any continuous lower limit, so it is judged by the exact
    /// discrete probability of observing none, e^−E: below 99.8 % when it is under 0.001, below 95 % under 0.025.
    /// </summary>
    public static FunnelPosition Flag(StandardisedRatio ratio, FunnelLimits limits)
    {
        if (ratio.Observed > 0)
        {
            return Funnel.Flag(ratio.Ratio, limits);
        }

        var none = Math.Exp(-ratio.Expected);
        return none < 0.001 ? FunnelPosition.Low998 : none < 0.025 ? FunnelPosition.Low95 : FunnelPosition.Within;
    }
}
