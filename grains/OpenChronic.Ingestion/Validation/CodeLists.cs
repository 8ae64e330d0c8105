using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// Finds the code list a catalogue column is checked against: its <see cref="SndsColumn.Nomenclature"/> when
/// embedded in the <see cref="NomenclatureSet"/>, and IR_CIM_V for the PMSI ICD-10 columns whose list
/// (MS_CIM_V) is not embedded. Only text and integer columns are checked (number columns hold amounts and
/// rates, dates their own calendar).
/// </summary>
internal sealed class CodeLists(NomenclatureSet nomenclatures, int maxCached)
{
    private const string PmsiIcd10 = "MS_CIM_V";
    private const string Icd10 = "IR_CIM_V";
    private readonly Dictionary<(string Name, string? Column), CodeListVerdicts?> _verdicts = [];

    public CodeListVerdicts? For(SndsColumn column)
    {
        if (column.Nomenclature is not { } name || column.Type is not (SndsType.String or SndsType.Integer))
        {
            return null;
        }

        var key = (name, column.NomenclatureColumn);
        if (!_verdicts.TryGetValue(key, out var verdicts))
        {
            verdicts = Resolve(name, column.NomenclatureColumn);
            _verdicts.Add(key, verdicts);
        }

        return verdicts;
    }

    private CodeListVerdicts? Resolve(string name, string? codeColumn)
    {
        if (name == PmsiIcd10 && !nomenclatures.Available.Contains(PmsiIcd10))
        {
            return nomenclatures.TryGet(Icd10) is { } icd
                ? new CodeListVerdicts(icd, icd: true, $"nomenclature {Icd10} (for {PmsiIcd10}, without dots, '+' and '*')", maxCached)
                : null;
        }

        if (!nomenclatures.Available.Contains(name))
        {
            return null;
        }

        var list = TryGet(name, codeColumn) ?? TryGet(name, null);
        return list is null ? null : new CodeListVerdicts(list, icd: name == Icd10, $"nomenclature {name}", maxCached);
    }

    private Nomenclature? TryGet(string name, string? codeColumn)
    {
        try
        {
            return nomenclatures.TryGet(name, codeColumn);
        }
        catch (InvalidDataException)
        {
            // The schema names a code column that the embedded list does not have: fall back to its code column.
            return null;
        }
    }
}
