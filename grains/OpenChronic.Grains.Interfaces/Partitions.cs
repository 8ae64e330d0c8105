using System.Buffers.Binary;

namespace OpenChronic.Grains;

/// <summary>How patients are spread over <see cref="IPartitionGrain"/>s: by the first 4 bytes of their pseudonymous key.</summary>
public static class Partitions
{
    /// <summary>Number of partitions.</summary>
    public const int Count = 64;

    /// <summary>The partition of a patient.</summary>
    public static long Of(Guid patient)
    {
        Span<byte> bytes = stackalloc byte[16];
        patient.TryWriteBytes(bytes);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes) % Count;
    }
}
