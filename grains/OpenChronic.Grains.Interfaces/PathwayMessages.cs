using System.Collections.Immutable;

namespace OpenChronic.Grains;

/// <summary>A condition found in a year, with the rules that found it (bit flags: 1 ALD, 2 hospital, 4 drugs, 8 acts).</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.ConditionYearWire")]
public sealed record ConditionYearWire([property: Id(0)] string Condition, [property: Id(1)] int Year, [property: Id(2)] byte Evidence);

/// <summary>An ALD episode; <see cref="EndDay"/> is null while open. Days are <c>DateOnly.DayNumber</c>s.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.AldEpisodeWire")]
public sealed record AldEpisodeWire([property: Id(0)] int AldNumber, [property: Id(1)] string Icd10, [property: Id(2)] int StartDay, [property: Id(3)] int? EndDay);

/// <summary>A treatment line of a condition.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.TreatmentLineWire")]
public sealed record TreatmentLineWire(
    [property: Id(0)] string Condition,
    [property: Id(1)] int Number,
    [property: Id(2)] string Regimen,
    [property: Id(3)] int StartDay,
    [property: Id(4)] int EndDay);

/// <summary>A hospitalisation episode and what followed its discharge (days, null when it did not happen).</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.HospitalEpisodeWire")]
public sealed record HospitalEpisodeWire(
    [property: Id(0)] int AdmissionDay,
    [property: Id(1)] int DischargeDay,
    [property: Id(2)] int Stays,
    [property: Id(3)] int? DaysToGp,
    [property: Id(4)] int? DaysToSpecialist,
    [property: Id(5)] int? DaysToReadmission);

/// <summary>Everything derived from one patient's timeline.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientDerived")]
public sealed record PatientDerived(
    [property: Id(0)] ImmutableArray<ConditionYearWire> Conditions,
    [property: Id(1)] ImmutableArray<AldEpisodeWire> AldEpisodes,
    [property: Id(2)] ImmutableArray<TreatmentLineWire> TreatmentLines,
    [property: Id(3)] ImmutableArray<HospitalEpisodeWire> HospitalEpisodes);

/// <summary>
/// The compact summary a patient pushes to its partition so that cohort queries need not wake patients:
/// demographics, conditions per year and ALD numbers ever registered. No identifier beyond the pseudonymous key.
/// </summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientSummary")]
public sealed record PatientSummary(
    [property: Id(0)] Guid Patient,
    [property: Id(1)] PatientProfile? Profile,
    [property: Id(2)] ImmutableArray<ConditionYearWire> Conditions,
    [property: Id(3)] ImmutableArray<int> AldNumbers,
    [property: Id(4)] int EventCount);

/// <summary>One patient as the database export writes it: profile, timeline (an <c>EventPack</c>) and derived pathway.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientExport")]
public sealed record PatientExport(
    [property: Id(0)] PatientProfile? Profile,
    [property: Id(1)] byte[] Pack,
    [property: Id(2)] PatientDerived Derived,
    [property: Id(3)] GpDeclaration? DeclaredGp = null);
