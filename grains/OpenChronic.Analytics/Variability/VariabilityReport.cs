using System.Collections.Immutable;

namespace OpenChronic.Analytics.Variability;

/// <summary>One compared unit: its counts, indirectly standardised ratio, and position against the exact and the overdispersion-adjusted funnel limits.</summary>
/// <param name="Unit">Unit id (département, ETA_NUM, GP number): internal, pseudonymise before publishing GPs.</param>
/// <param name="Persons">Distinct persons in the denominator.</param>
/// <param name="NumeratorPersons">Distinct persons with an outcome.</param>
/// <param name="Denominator">Denominator entries (patients or episodes).</param>
/// <param name="Ratio">Observed, expected, O/E and its exact 95 % interval.</param>
/// <param name="Exact">Exact Poisson funnel limits at the unit's expected count.</param>
/// <param name="ExactFlag">Position against <paramref name="Exact"/>.</param>
/// <param name="Adjusted">Overdispersion-adjusted limits exp(±z·√(1/E + τ²)).</param>
/// <param name="AdjustedFlag">Position against <paramref name="Adjusted"/>.</param>
/// <param name="StandardisedRate">O/E × the crude rate of all units.</param>
public sealed record UnitVariability(
    string Unit,
    long Persons,
    long NumeratorPersons,
    long Denominator,
    StandardisedRatio Ratio,
    FunnelLimits Exact,
    FunnelPosition ExactFlag,
    FunnelLimits Adjusted,
    FunnelPosition AdjustedFlag,
    double StandardisedRate);

/// <summary>Units too small to compare (fewer persons than the minimum), pooled into one row.</summary>
public sealed record PooledUnits(int Units, long Persons, long NumeratorPersons, long Denominator, StandardisedRatio Ratio);

/// <summary>
/// Variability of one indicator between units: per-unit results, the pooled small units, patients with no unit, and
/// the between-unit statistics (φ, τ², EQ, CV, SCV, random-intercept σ², ICC and MOR, crude and adjusted for age × sex) over the
/// compared units.
/// </summary>
public sealed record VariabilityReport(
    ImmutableArray<UnitVariability> Units,
    PooledUnits Pooled,
    long UnattributedPersons,
    long UnattributedDenominator,
    long TotalDenominator,
    long TotalNumerator,
    double CrudeRate,
    double Phi,
    double Tau2,
    double ExtremalQuotient,
    double CoefficientOfVariation,
    double SystematicComponent,
    RandomInterceptResult? Multilevel,
    AdjustedRandomInterceptResult? MultilevelAdjusted);
