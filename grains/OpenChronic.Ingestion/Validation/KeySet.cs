namespace OpenChronic.Ingestion.Validation;

/// <summary>The key hashes of one table (one PMSI year) for one key rule, and whether every file fed it.</summary>
internal sealed class KeySet
{
    public KeyHashSet Hashes { get; } = new();

    /// <summary>False when a file of the table could not be read or lacked a key column: lookups would invent orphans.</summary>
    public bool Complete { get; set; } = true;
}
