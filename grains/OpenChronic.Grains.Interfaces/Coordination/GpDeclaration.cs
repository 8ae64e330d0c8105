namespace OpenChronic.Grains;

/// <summary>
/// A declared <i>médecin traitant</i>: the number on the patient's claim lines (ER_PRS_F.PRS_MTT_NUM), packed as the
/// executing professional's number is (its first 8 characters, without the check key), and the care day of the
/// line that carried it (0 when unknown, e.g. loaded from a built database). Stays inside the grid.
/// </summary>
/// <param name="Number">The packed number (<c>PackedCode</c> layout), never 0.</param>
/// <param name="Day">Day number of the declaring line; the most recent declaration wins.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.GpDeclaration")]
public sealed record GpDeclaration(
    [property: Id(0)] ulong Number,
    [property: Id(1)] int Day);
