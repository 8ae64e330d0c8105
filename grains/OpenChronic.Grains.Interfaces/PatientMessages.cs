namespace OpenChronic.Grains;

/// <summary>A patient's events of one work unit, packed (<c>EventPack</c>), with the profile when the unit carries it.</summary>
/// <param name="UnitId">The work unit (e.g. <c>DCIR:2019-03</c>, <c>PMSI:2020</c>, <c>IR_BEN_R</c>).</param>
/// <param name="Pack">The events, packed column-wise.</param>
/// <param name="Profile">Demographics from the beneficiary referential, or null when the unit has none.</param>
/// <param name="DeclaredGp">The most recent declared médecin traitant of the unit's claim lines, or null.</param>
/// <param name="ViaPartition">
/// True when the patient's partition delivers the unit: the partition has recorded the patient as a member, so the
/// patient need not register with it.
/// </param>
[GenerateSerializer, Immutable, Alias("OpenChronic.UnitEvents")]
public sealed record UnitEvents(
    [property: Id(0)] string UnitId,
    [property: Id(1)] byte[] Pack,
    [property: Id(2)] PatientProfile? Profile,
    [property: Id(3)] GpDeclaration? DeclaredGp = null,
    [property: Id(4)] bool ViaPartition = false);

/// <summary>Demographics of a patient (no identifier).</summary>
/// <param name="Sex">1 man, 2 woman, 0 unknown (IR_SEX_V).</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="BirthMonth">Month of birth, 0 when unknown.</param>
/// <param name="Departement">Département of residence (3 characters, IR_DPT_V).</param>
/// <param name="Commune">Commune of residence (3 characters).</param>
/// <param name="DeathDay">Day number of death, or null.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientProfile")]
public sealed record PatientProfile(
    [property: Id(0)] byte Sex,
    [property: Id(1)] short BirthYear,
    [property: Id(2)] byte BirthMonth,
    [property: Id(3)] string Departement,
    [property: Id(4)] string Commune,
    [property: Id(5)] int? DeathDay);

/// <summary>What a patient grain holds, without its events; <see cref="Derivations"/> counts derivations since activation.</summary>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientSnapshot")]
public sealed record PatientSnapshot(
    [property: Id(0)] PatientProfile? Profile,
    [property: Id(1)] int EventCount,
    [property: Id(2)] int UnitsApplied,
    [property: Id(3)] long ResidentBytes,
    [property: Id(4)] int Derivations = 0);
