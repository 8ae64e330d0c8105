using OpenChronic.Domain.Pathways;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Build;

/// <summary>The events of one person produced by a unit, sorted (<see cref="CareEvent.CompareTo"/>).</summary>
/// <param name="Person">Index in the <see cref="PersonDirectory"/>.</param>
/// <param name="Events">Sorted events; regularisation lines are kept as signed events (netting happens downstream).</param>
/// <param name="DeclaredGp">The most recent declared <i>médecin traitant</i> of the unit's claim lines (PRS_MTT_NUM packed like PFS_EXE_NUM), 0 when none.</param>
/// <param name="DeclaredDay">The care day of the line that declared it.</param>
public sealed record PersonEvents(int Person, CareEvent[] Events, ulong DeclaredGp = 0, int DeclaredDay = 0);

/// <summary>What became of the rows of one table in a unit: <c>Source = Kept + Σ Filtered + Rejected</c>.</summary>
/// <param name="Source">Rows in the files (accepted and rejected by the reader).</param>
/// <param name="Kept">Rows that produced or contributed to events.</param>
/// <param name="Filtered">Rows set aside by a standard filter, by reason.</param>
/// <param name="Rejected">Rows rejected: reader rejects, unresolvable persons, orphan or duplicate lines.</param>
public sealed record TableCounts(long Source, long Kept, IReadOnlyDictionary<string, long> Filtered, long Rejected)
{
    public long FilteredTotal => Filtered.Values.Sum();
}

/// <summary>The result of reading one work unit.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Persons">Events by person, sorted by person index.</param>
/// <param name="Tables">Row accounting per table label (<c>ER_PRS_F</c>, <c>T_MCO19B</c>…).</param>
/// <param name="Rejects">Rejected rows, person identifier values masked.</param>
public sealed record UnitOutput(string UnitId, IReadOnlyList<PersonEvents> Persons, IReadOnlyDictionary<string, TableCounts> Tables, IReadOnlyList<RejectedRow> Rejects)
{
    /// <summary>Number of events of <paramref name="kind"/> over every person.</summary>
    public long CountEvents(CareEventKind kind) => Persons.Sum(p => (long)p.Events.Count(e => e.Kind == kind));
}
