namespace OpenChronic.Grains;

/// <summary>What one patient's settlement after a monthly update did: whether it wrote its state, and its fresh summary.</summary>
/// <param name="Written">True when the patient held uncommitted units and wrote them.</param>
/// <param name="Summary">The patient's summary re-derived from its whole timeline.</param>
/// <param name="Applied">When the settlement came with a unit: true when the patient applied it (false: it already had it).</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PatientSettlement")]
public sealed record PatientSettlement(
    [property: Id(0)] bool Written,
    [property: Id(1)] PatientSummary Summary,
    [property: Id(2)] bool Applied = false);

/// <summary>What a partition's settlement after a monthly update did.</summary>
/// <param name="Derived">Members re-derived (those that applied a unit since their last derivation).</param>
/// <param name="Written">Members that wrote their state.</param>
/// <param name="Applied">When the settlement came with a unit: members that applied it.</param>
[GenerateSerializer, Immutable, Alias("OpenChronic.PartitionSettlement")]
public sealed record PartitionSettlement(
    [property: Id(0)] int Derived,
    [property: Id(1)] int Written,
    [property: Id(2)] int Applied = 0)
{
    /// <summary>The sum of two partitions' settlements.</summary>
    public static PartitionSettlement Add(PartitionSettlement a, PartitionSettlement b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new PartitionSettlement(a.Derived + b.Derived, a.Written + b.Written, a.Applied + b.Applied);
    }
}
