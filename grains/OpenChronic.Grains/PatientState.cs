namespace OpenChronic.Grains;

/// <summary>
/// Persisted state of a patient grain: profile, the timeline as one event pack, and the 64-bit hashes of the units
/// already applied (8 bytes a unit, so that a retried unit is recognised without storing its name).
/// </summary>
[GenerateSerializer, Alias("OpenChronic.PatientState")]
public sealed class PatientState
{
    [Id(0)]
    public PatientProfile? Profile { get; set; }

    [Id(1)]
    public byte[] Events { get; set; } = [];

    [Id(2)]
    public ulong[] AppliedUnits { get; set; } = [];

    /// <summary>The most recent declared médecin traitant (PRS_MTT_NUM) seen in the applied units, or null.</summary>
    [Id(3)]
    public GpDeclaration? DeclaredGp { get; set; }
}
