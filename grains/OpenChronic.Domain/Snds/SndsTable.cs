using System.Collections.Frozen;
using System.Collections.Immutable;

namespace OpenChronic.Domain.Snds;

/// <summary>
/// A table of the SNDS catalogue: columns in the schema's order, keys and partitioning.
/// PMSI table names keep the schema's <c>aa</c> placeholder for the two-digit year (<c>T_MCOaaB</c>).
/// </summary>
public sealed class SndsTable
{
    private readonly FrozenDictionary<string, int> _index;

    public SndsTable(
        string name,
        string title,
        string product,
        SndsPartitioning partitioning,
        ImmutableArray<SndsColumn> columns,
        ImmutableArray<string> primaryKey,
        ImmutableArray<SndsForeignKey> foreignKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Title = title;
        Product = product;
        Partitioning = partitioning;
        Columns = columns;
        PrimaryKey = primaryKey;
        ForeignKeys = foreignKeys;
        _index = columns.Select((c, i) => KeyValuePair.Create(c.Name, i))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Catalogue name, e.g. <c>ER_PRS_F</c> or <c>T_MCOaaB</c>.</summary>
    public string Name { get; }

    /// <summary>The schema's title (French).</summary>
    public string Title { get; }

    /// <summary>The SNDS product, e.g. <c>DCIR</c>, <c>PMSI MCO</c>, <c>BENEFICIAIRE</c>.</summary>
    public string Product { get; }

    /// <summary>How the table is partitioned in an extract.</summary>
    public SndsPartitioning Partitioning { get; }

    /// <summary>Columns in the schema's order (files may hold them in any order).</summary>
    public ImmutableArray<SndsColumn> Columns { get; }

    /// <summary>Primary key columns, empty when the table has none.</summary>
    public ImmutableArray<string> PrimaryKey { get; }

    /// <summary>Foreign keys to other catalogue tables.</summary>
    public ImmutableArray<SndsForeignKey> ForeignKeys { get; }

    /// <summary>Finds a column by name, ignoring case (headers are sometimes lower-cased by exports).</summary>
    public bool TryGetColumn(string name, out SndsColumn column)
    {
        if (_index.TryGetValue(name, out var i))
        {
            column = Columns[i];
            return true;
        }

        column = null!;
        return false;
    }

    /// <summary>The position of a column in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The column with that name; throws when the catalogue does not have it.</summary>
    public SndsColumn this[string name] =>
        TryGetColumn(name, out var c) ? c : throw new KeyNotFoundException($"{Name} has no column {name}.");

    public override string ToString() => Name;
}
