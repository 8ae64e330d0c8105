using System.Collections.Concurrent;

namespace OpenChronic.Domain.Snds;

/// <summary>
/// The code lists embedded in this assembly (see <c>Snds/Nomenclatures/SOURCE.md</c>), loaded on first use.
/// Thread-safe.
/// </summary>
public sealed class NomenclatureSet
{
    private const string Prefix = "OpenChronic.Snds.Nomenclatures.";
    private static readonly Lazy<NomenclatureSet> s_default = new(() => new NomenclatureSet());

    private readonly ConcurrentDictionary<(string Name, string? Column), Lazy<Nomenclature?>> _cache = new();
    private readonly HashSet<string> _available;

    private NomenclatureSet()
    {
        _available = typeof(NomenclatureSet).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(".csv", StringComparison.Ordinal))
            .Select(r => r[Prefix.Length..^4])
            .ToHashSet(StringComparer.Ordinal);
    }

    public static NomenclatureSet Default => s_default.Value;

    /// <summary>Names of the embedded code lists.</summary>
    public IReadOnlyCollection<string> Available => _available;

    /// <summary>
    /// The code list <paramref name="name"/>, keyed on <paramref name="codeColumn"/> (default: the schema's
    /// code column), or null when it is not embedded.
    /// </summary>
    public Nomenclature? TryGet(string name, string? codeColumn = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _cache.GetOrAdd((name, codeColumn), key => new Lazy<Nomenclature?>(() => Load(key.Name, key.Column))).Value;
    }

    /// <summary>The code list <paramref name="name"/>; throws when it is not embedded.</summary>
    public Nomenclature Get(string name, string? codeColumn = null) =>
        TryGet(name, codeColumn) ?? throw new KeyNotFoundException($"No embedded nomenclature {name}.");

    private Nomenclature? Load(string name, string? codeColumn)
    {
        if (!_available.Contains(name))
        {
            return null;
        }

        var assembly = typeof(NomenclatureSet).Assembly;
        using var csv = assembly.GetManifestResourceStream(Prefix + name + ".csv")!;
        using var schema = assembly.GetManifestResourceStream(Prefix + name + ".json");
        return Nomenclature.Parse(name, csv, schema, codeColumn);
    }
}
