using Apache.Arrow;

namespace OpenChronic.Synthetic.Arrow;

/// <summary>Column positions of a schema by name, hashed once (Arrow's own lookup scans the fields).</summary>
internal sealed class ColumnMap(Schema schema)
{
    private readonly Dictionary<string, int> _index =
        schema.FieldsList.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>The position of <paramref name="name"/>; throws when the schema has no such column (an encoder bug).</summary>
    public int GetFieldIndex(string name) =>
        _index.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"No column {name} in the schema.");
}
