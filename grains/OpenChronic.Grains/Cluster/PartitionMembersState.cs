namespace OpenChronic.Grains;

/// <summary>
/// Durable member list of a partition: the pseudonymous keys, sorted, 16 bytes each (<see cref="Guid"/> layout of
/// the silo, little-endian on every supported platform), so that a write is one blit rather than one field per key.
/// </summary>
[GenerateSerializer, Alias("OpenChronic.PartitionMembersState")]
public sealed class PartitionMembersState
{
    [Id(0)]
    public byte[] Members { get; set; } = [];
}
