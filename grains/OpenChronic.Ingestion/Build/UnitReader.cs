using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>
/// Reads one <see cref="WorkUnit"/> in Arrow batches with the standard SNDS filters and joins and returns the events
/// of each person with a full row accounting (<see cref="TableCounts"/>). Memory is bounded per unit: a DCIR month
/// buffers its ER_ETE_F and detail rows (compact structs keyed by the 64-bit hash of the nine keys) before streaming
/// ER_PRS_F; a PMSI year buffers one compact record per stay. Regularisation lines (negative quantities) are kept as
/// signed events: netting happens downstream. Reading the same unit twice gives identical outputs. The working
/// buffers are kept from one unit to the next (held weakly between units: a reader reused over a job's units allocates
/// them about once, and an idle reader holds nothing the collector wants back).
/// </summary>
public sealed partial class UnitReader
{
    private readonly PersonDirectory _persons;
    private readonly DrugReferential _drugs;
    private readonly Nomenclature? _cim;
    private readonly SndsReadOptions _options;
    private readonly Dictionary<string, SndsReadOptions> _projected = new(StringComparer.Ordinal);

    public UnitReader(PersonDirectory persons, DrugReferential? drugs = null, NomenclatureSet? nomenclatures = null, SndsReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(persons);
        _persons = persons;
        _drugs = drugs ?? DrugReferential.Default;
        _cim = (nomenclatures ?? NomenclatureSet.Default).TryGet("IR_CIM_V");
        _options = options ?? SndsReadOptions.Default;
    }

    /// <summary>Reads <paramref name="unit"/>; bad rows become rejects, never exceptions (an unreadable file throws <see cref="SndsFormatException"/>).</summary>
    public UnitOutput Read(WorkUnit unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var scratch = TakeScratch();
        try
        {
            return Read(unit, scratch, cancellationToken);
        }
        finally
        {
            ReturnScratch(scratch);
        }
    }

    private UnitOutput Read(WorkUnit unit, Scratch scratch, CancellationToken cancellationToken)
    {
        var acc = scratch.Accumulator;
        switch (unit.Kind)
        {
            case WorkUnitKind.Dcir:
                ReadDcir(unit, scratch, cancellationToken);
                break;
            case WorkUnitKind.Pmsi:
                ReadPmsi(unit, acc, cancellationToken);
                break;
            case WorkUnitKind.Ald:
                ReadAld(unit, acc, cancellationToken);
                break;
            case WorkUnitKind.Deaths:
                ReadDeaths(unit, acc, cancellationToken);
                break;
            default:
                ReadBeneficiaries(acc);
                break;
        }

        return acc.Build(unit.Id);
    }

    /// <summary>
    /// The read options of a table: unless the caller chose columns, only the columns this reader uses (<see
    /// cref="UsedColumns"/>) are decoded. A claims table has 50 to 100 columns and the build uses about 20 of
    /// them; a malformed value in a column the build does not use no longer rejects the row.
    /// </summary>
    private SndsReadOptions OptionsFor(SndsTable table)
    {
        if (_options.Columns is not null || !UsedColumns.TryGetValue(table.Name, out var used))
        {
            return _options;
        }

        if (!_projected.TryGetValue(table.Name, out var options))
        {
            options = _options with { Columns = [.. used.Where(c => table.TryGetColumn(c, out _))] };
            _projected.Add(table.Name, options);
        }

        return options;
    }

    /// <summary>Streams every batch of <paramref name="file"/>, counting it as source.</summary>
    private IEnumerable<SndsReadBatch> Batches(ExtractFile file, UnitAccumulator acc, CancellationToken cancellationToken)
    {
        using var reader = SndsTableReader.Open(file.Path, file.Name.Table, OptionsFor(file.Name.Table));
        while (reader.ReadNext() is { } read)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (read)
            {
                acc.Read(file.TableLabel, read);
                yield return read;
            }
        }
    }
}
