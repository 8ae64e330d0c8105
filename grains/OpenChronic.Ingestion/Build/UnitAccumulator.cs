using OpenChronic.Domain.Pathways;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Build;

/// <summary>Collects the events and the row accounting of a unit while it is read.</summary>
internal sealed class UnitAccumulator
{
    private readonly Dictionary<int, List<CareEvent>> _events = [];
    private readonly SortedDictionary<string, Tally> _tables = new(StringComparer.Ordinal);
    private readonly List<RejectedRow> _rejects = [];
    private readonly Dictionary<int, (int Day, ulong Gp)> _declarations = [];

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
        if (!_events.TryGetValue(person, out var list))
        {
            list = [];
            _events.Add(person, list);
        }

        list.Add(e);
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
        var persons = new List<PersonEvents>(_events.Count);
        foreach (var (person, list) in _events.OrderBy(p => p.Key))
        {
            var events = list.ToArray();
            Array.Sort(events);
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
