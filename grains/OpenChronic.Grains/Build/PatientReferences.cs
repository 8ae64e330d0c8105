namespace OpenChronic.Grains;

/// <summary>
/// Patient grain references made from a cached grain type and interface type. <c>GetGrain&lt;IPatientGrain&gt;(key)</c>
/// resolves the interface type from its attributes on every call (about 2.4 % of all thread samples of a 20,000-person
/// build, most of the partitions' own work); a partition fans out to thousands of patients per unit.
/// </summary>
public sealed class PatientReferences
{
    private readonly IGrainFactory _grains;
    private readonly GrainType _type;
    private readonly GrainInterfaceType _interface;

    public PatientReferences(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
        var sample = (GrainReference)(object)grains.GetGrain<IPatientGrain>(Guid.Empty);
        _type = sample.GetGrainId().Type;
        _interface = sample.InterfaceType;
    }

    /// <summary>The reference of the patient keyed <paramref name="key"/>.</summary>
    public IPatientGrain Get(Guid key) => (IPatientGrain)_grains.GetGrain(GrainId.Create(_type, GrainIdKeyExtensions.CreateGuidKey(key)), _interface);
}
