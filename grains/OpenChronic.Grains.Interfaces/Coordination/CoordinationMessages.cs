using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>
/// A coordination query: the cohort (a condition id of the catalogue, or empty for every patient) and year, the
/// index-stay definition of the transitions (principal diagnosis prefixes, prior window, last observed day) and the
/// salt of the pseudonymous provider keys of the sharing networks.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.CoordinationQuery")]
public sealed record CoordinationQuery(
    [property: Id(0)] string Cohort,
    [property: Id(1)] int Year,
    [property: Id(2)] ImmutableArray<string> PrincipalDiagnoses,
    [property: Id(3)] int PriorWindowDays,
    [property: Id(4)] int LastObservedDay,
    [property: Id(5)] ulong ProviderSalt);

/// <summary>Continuity indices of a patient-year (NaN where undefined).</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.ContinuityWire")]
public sealed record ContinuityWire(
    [property: Id(0)] int Visits,
    [property: Id(1)] double Coc,
    [property: Id(2)] double UpcDeclaredGp,
    [property: Id(3)] double UpcMostSeenGp,
    [property: Id(4)] double Herfindahl,
    [property: Id(5)] double Secon,
    [property: Id(6)] double Mmci,
    [property: Id(7)] int DistinctGps,
    [property: Id(8)] int DistinctSpecialists);

/// <summary>An index stay and what surrounded it (days from discharge; null when it did not happen).</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.IndexStayWire")]
public sealed record IndexStayWire(
    [property: Id(0)] int AdmissionDay,
    [property: Id(1)] int DischargeDay,
    [property: Id(2)] int? DaysToGp,
    [property: Id(3)] int? DaysToSpecialist,
    [property: Id(4)] int? DaysToReadmission,
    [property: Id(5)] bool PriorGp,
    [property: Id(6)] bool? BackgroundGp);

/// <summary>
/// What one patient grain returns to its partition: its territory, its indices over all physicians and over GPs,
/// its index stays discharged in the year, and its providers of the year as pseudonymous keys with their kinds
/// (0 GP, 1 specialist, 2 hospital). It stays inside the grid: partitions aggregate it.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientCoordination")]
public sealed record PatientCoordination(
    [property: Id(0)] string Territory,
    [property: Id(1)] ContinuityWire Physicians,
    [property: Id(2)] ContinuityWire GeneralPractice,
    [property: Id(3)] ImmutableArray<IndexStayWire> Stays,
    [property: Id(4)] ImmutableArray<ulong> Providers,
    [property: Id(5)] ImmutableArray<byte> ProviderKinds);

/// <summary>
/// A partition's (or the merged) aggregate of one territory: the tally vectors (counts and sums of
/// <c>CoordinationTally</c>) and the partial sharing network (pseudonymous provider keys, shared-patient counts).
/// Provider keys never leave the client process; only aggregates are published.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.TerritoryCoordination")]
public sealed record TerritoryCoordination(
    [property: Id(0)] string Territory,
    [property: Id(1)] ImmutableArray<long> Counts,
    [property: Id(2)] ImmutableArray<double> Sums,
    [property: Id(3)] ImmutableArray<ulong> NodeKeys,
    [property: Id(4)] ImmutableArray<byte> NodeKinds,
    [property: Id(5)] ImmutableArray<ulong> EdgeFrom,
    [property: Id(6)] ImmutableArray<ulong> EdgeTo,
    [property: Id(7)] ImmutableArray<long> EdgeWeights,
    [property: Id(8)] long NetworkPersons);
