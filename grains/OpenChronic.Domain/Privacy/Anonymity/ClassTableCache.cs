namespace OpenChronic.Domain.Privacy.Anonymity;

/// <summary>
/// Recently computed class tables, kept within a budget of entries, so that a node's classes can be rolled up
/// from the smallest cached node below it instead of from the rows.
/// </summary>
internal sealed class ClassTableCache(Lattice lattice, long budget)
{
    private readonly LinkedList<(int Node, ClassTable Table)> _entries = new();
    private long _size;

    /// <summary>The smallest cached table of a node at or below <paramref name="node"/>, or null.</summary>
    public ClassTable? BestSourceFor(int node)
    {
        ClassTable? best = null;
        for (var e = _entries.First; e is not null; e = e.Next)
        {
            if ((best is null || e.Value.Table.Count < best.Count) && lattice.IsAtOrBelow(e.Value.Node, node))
            {
                best = e.Value.Table;
            }
        }

        return best;
    }

    public void Add(int node, ClassTable table)
    {
        if (table.Count > budget)
        {
            return;
        }

        _entries.AddFirst((node, table));
        _size += table.Count;
        while (_size > budget && _entries.Last is { } last)
        {
            _size -= last.Value.Table.Count;
            _entries.RemoveLast();
        }
    }
}
