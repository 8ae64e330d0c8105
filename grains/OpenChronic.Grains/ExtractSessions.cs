using System.Collections.Concurrent;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Grains;

/// <summary>
/// What a silo knows of the extracts it ingests: the inventory, the work units and the person directory (read from
/// IR_BEN_R once per silo and extract), with each person's grain key computed once.
/// </summary>
public sealed class ExtractSessions(PseudonymKey key)
{
    private readonly ConcurrentDictionary<string, Lazy<ExtractSession>> _sessions = new(StringComparer.Ordinal);

    public ExtractSession Get(string extractDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extractDirectory);
        var full = Path.GetFullPath(extractDirectory);
        return _sessions.GetOrAdd(full, dir => new Lazy<ExtractSession>(() => ExtractSession.Open(dir, key))).Value;
    }
}

/// <summary>One extract as a silo sees it.</summary>
public sealed class ExtractSession
{
    private readonly Dictionary<string, WorkUnit> _units;

    private ExtractSession(IReadOnlyList<WorkUnit> units, PersonDirectory persons, Guid[] keys)
    {
        Units = units;
        _units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Persons = persons;
        Keys = keys;
    }

    /// <summary>Work units in processing order.</summary>
    public IReadOnlyList<WorkUnit> Units { get; }

    public PersonDirectory Persons { get; }

    /// <summary>Grain key (keyed pseudonym) of each person of the directory.</summary>
    public IReadOnlyList<Guid> Keys { get; }

    public WorkUnit Unit(string id) =>
        _units.TryGetValue(id, out var unit) ? unit : throw new ArgumentException($"The extract has no work unit '{id}'.", nameof(id));

    internal static ExtractSession Open(string directory, PseudonymKey key)
    {
        var inventory = ExtractInventory.Discover(directory, SndsCatalogue.Default);
        var units = WorkUnitPlanner.Plan(inventory);
        var beneficiaries = inventory.Files.Where(f => f.Name.Table.Name == "IR_BEN_R").ToList();
        if (beneficiaries.Count == 0)
        {
            throw new InvalidDataException($"The extract in {directory} has no IR_BEN_R file: persons cannot be resolved.");
        }

        var persons = PersonDirectory.Load(beneficiaries);
        var keys = new Guid[persons.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = persons.Pseudonym(i, key.Pseudonym);
        }

        return new ExtractSession(units, persons, keys);
    }
}
