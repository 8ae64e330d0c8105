namespace OpenChronic.Grains;

/// <summary>
/// The events of one work unit for the patients of one partition: the ingest worker sends 64 of these per unit instead
/// of one call per patient, and the partition applies each payload to its patient inside the silo. Patient keys stay
/// inside the grid (this message never leaves it).
/// </summary>
/// <param name="UnitId">The work unit (e.g. <c>DCIR:2019-03</c>).</param>
/// <param name="Patients">The patients' pseudonymous keys, all of this partition.</param>
/// <param name="Packs">Each patient's events packed (<c>EventPack</c>), same order as <paramref name="Patients"/>.</param>
/// <param name="Profiles">Each patient's demographics when the unit carries them (beneficiaries), else null.</param>
/// <param name="Declarations">Each patient's declared médecin traitant of the unit's lines (null entries without one), or null when no line had one.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PartitionUnit")]
public sealed record PartitionUnit(
    [property: Id(0)] string UnitId,
    [property: Id(1)] Guid[] Patients,
    [property: Id(2)] byte[][] Packs,
    [property: Id(3)] PatientProfile[]? Profiles,
    [property: Id(4)] GpDeclaration?[]? Declarations = null);
