using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>One indicator to count: catalogue id, year and unit level (<c>departement</c>, <c>establishment</c>, <c>gp</c>).</summary>
/// <param name="Indicator">Indicator id of the catalogue (<c>indicators.json</c>).</param>
/// <param name="Year">Year Y of the indicator.</param>
/// <param name="Level">Unit of comparison.</param>
/// <param name="DataEndDay">Last day (day number) the database covers: stay indexes whose window passes it are left out.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.VariabilityRequest")]
public sealed record VariabilityRequest(
    [property: Id(0)] string Indicator,
    [property: Id(1)] int Year,
    [property: Id(2)] string Level,
    [property: Id(3)] int DataEndDay);

/// <summary>
/// Counts of one request in one unit × age × sex stratum: denominator entries, outcomes and distinct persons. Holds
/// unit ids (département, ETA_NUM, GP number), never a patient key.
/// </summary>
/// <param name="Request">Index of the request in the call.</param>
/// <param name="Unit">Unit id; empty for patients with no unit at that level.</param>
/// <param name="Stratum">Age × sex stratum (<c>AgeSexStrata</c>).</param>
/// <param name="Denominator">Denominator entries (patients or episodes).</param>
/// <param name="Numerator">Entries meeting the outcome.</param>
/// <param name="Persons">Distinct persons with a denominator entry.</param>
/// <param name="NumeratorPersons">Distinct persons with an entry meeting the outcome.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.VariabilityCell")]
public sealed record VariabilityCell(
    [property: Id(0)] int Request,
    [property: Id(1)] string Unit,
    [property: Id(2)] int Stratum,
    [property: Id(3)] long Denominator,
    [property: Id(4)] long Numerator,
    [property: Id(5)] long Persons,
    [property: Id(6)] long NumeratorPersons);

/// <summary>The cells of a batch of requests, as a patient or a partition returns them.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.VariabilityCounts")]
public sealed record VariabilityCounts([property: Id(0)] ImmutableArray<VariabilityCell> Cells);
