using System.Runtime.InteropServices;
using OpenChronic.Domain.Pathways;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Build;

/// <summary>
/// Collects the events and the row accounting of a unit while it is read. The events of every person go to one flat
/// buffer in arrival order (no list per person); <see cref="Build"/> groups them by person, keeping each person's
/// arrival order, so that each person's sort sees the same input as with a list per person. The buffers are kept
/// by <see cref="Reset"/> for the next unit.
/// </summary>
internal sealed class UnitAccumulator
{
    private readonly SortedDictionary<string, Tally> _tables = new(StringComparer.Ordinal);
    private readonly List<RejectedRow> _rejects = [];
    private readonly Dictionary<int, (int Day, ulong Gp)> _declarations = [];
    private readonly Dictionary<int, int> _next = [];
    private CareEvent[] _events = new CareEvent[1024];
    private CareEvent[] _grouped = [];
    private int[] _owners = new int[1024];
    private int _count;

    /// <summary>Forgets the previous unit; keeps the buffers.</summary>
    public void Reset()
    {
        _tables.Clear();
        _rejects.Clear();
        _declarations.Clear();
        _next.Clear();
        _count = 0;
    }

    public Tally Table(string label)
    {
        if (!_tables.TryGetValue(label, out var tally))
        {
            tally = new Tally();
            _tables.Add(label, tally);
        }

        return tally;
    }

    public void Add(int person, in CareEvent e)
    {
        if (_count == _events.Length)
        {
            Array.Resize(ref _events, 2 * _count);
            Array.Resize(ref _owners, 2 * _count);
        }

        _events[_count] = e;
        _owners[_count] = person;
        _count++;
    }

    /// <summary>Keeps the person's most recent declared GP (latest care day; on one day, the larger number, so that row order does not matter).</summary>
    public void Declare(int person, int day, ulong gp)
    {
        if (gp != 0 && (!_declarations.TryGetValue(person, out var known) || (day, gp).CompareTo(known) > 0))
        {
            _declarations[person] = (day, gp);
        }
    }

    /// <summary>Counts the reader's batch: its rows as source, its rejects as rejected.</summary>
    public void Read(string label, SndsReadBatch read)
    {
        var tally = Table(label);
        tally.Source += read.Batch.Length + read.Rejects.Count;
        tally.Rejected += read.Rejects.Count;
        foreach (var r in read.Rejects)
        {
            _rejects.Add(Masking.Mask(r));
        }
    }

    public void Reject(string label, string file, long row, string? column, string reason)
    {
        Table(label).Rejected++;
        _rejects.Add(new RejectedRow(file, row, column, reason, null));
    }

    public UnitOutput Build(string unitId)
    {
        // Events per person, then each person's first slot in person order (a counting sort, stable).
        for (var i = 0; i < _count; i++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_next, _owners[i], out _)++;
        }

        var order = new int[_next.Count];
        _next.Keys.CopyTo(order, 0);
        Array.Sort(order);
        var slot = 0;
        foreach (var person in order)
        {
            ref var next = ref CollectionsMarshal.GetValueRefOrNullRef(_next, person);
            (next, slot) = (slot, slot + next);
        }

        if (_grouped.Length < _count)
        {
            _grouped = new CareEvent[_events.Length];
        }

        for (var i = 0; i < _count; i++)
        {
            _grouped[CollectionsMarshal.GetValueRefOrNullRef(_next, _owners[i])++] = _events[i];
        }

        var persons = new List<PersonEvents>(order.Length);
        slot = 0;
        foreach (var person in order)
        {
            var end = _next[person];
            var events = _grouped.AsSpan(slot, end - slot).ToArray();
            Array.Sort(events);
            slot = end;
            var declared = _declarations.GetValueOrDefault(person);
            persons.Add(new PersonEvents(person, events, declared.Gp, declared.Day));
        }

        var tables = _tables.ToDictionary(t => t.Key, t => t.Value.Freeze(), StringComparer.Ordinal);
        return new UnitOutput(unitId, persons, tables, [.. _rejects]);
    }

    /// <summary>Mutable counts of one table.</summary>
    internal sealed class Tally
    {
        public long Source { get; set; }

        public long Kept { get; set; }

        public long Rejected { get; set; }

        public Dictionary<string, long> Filtered { get; } = new(StringComparer.Ordinal);

        public void Filter(string reason) => Filtered[reason] = Filtered.GetValueOrDefault(reason) + 1;

        public TableCounts Freeze() => new(Source, Kept, new SortedDictionary<string, long>(Filtered, StringComparer.Ordinal), Rejected);
    }
}
