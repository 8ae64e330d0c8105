namespace OpenChronic.Grains;

/// <summary>What one patient's settlement after a monthly update did: whether it wrote its state, and its fresh summary.</summary>
/// <param name="Written">True when the patient held uncommitted units and wrote them.</param>
/// <param name="Summary">The patient's summary re-derived from its whole timeline.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientSettlement")]
public sealed record PatientSettlement(
    [property: Id(0)] bool Written,
    [property: Id(1)] PatientSummary Summary);

/// <summary>What a partition's settlement after a monthly update did.</summary>
/// <param name="Derived">Members re-derived (those that applied a unit since their last derivation).</param>
/// <param name="Written">Members that wrote their state.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PartitionSettlement")]
public sealed record PartitionSettlement(
    [property: Id(0)] int Derived,
    [property: Id(1)] int Written);
