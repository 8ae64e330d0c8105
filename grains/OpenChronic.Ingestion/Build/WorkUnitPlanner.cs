using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>
/// Splits an extract into work units: one per referential (IR_BEN_R, IR_IMB_R, KI_*), one per DCIR flux month,
/// one per PMSI year. DCIR files whose name carries no month form one unit, <c>DCIR:file-set</c> (the whole
/// undated set, joined together). Other tables (nomenclatures, IR_PHA_R, DA_PRA_R…) are not units.
/// </summary>
public static class WorkUnitPlanner
{
    /// <summary>Id of the unit of DCIR files without a month in their name.</summary>
    public const string UndatedDcirId = "DCIR:file-set";

    /// <summary>The units of <paramref name="inventory"/>, in a stable order: referentials, DCIR months, PMSI years.</summary>
    public static IReadOnlyList<WorkUnit> Plan(ExtractInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var groups = new SortedDictionary<string, (WorkUnitKind Kind, List<ExtractFile> Files)>(StringComparer.Ordinal);
        foreach (var file in inventory.Files)
        {
            var table = file.Name.Table.Name;
            (string Id, WorkUnitKind Kind)? unit = table switch
            {
                "IR_BEN_R" => ("IR_BEN_R", WorkUnitKind.Beneficiaries),
                "IR_IMB_R" => ("IR_IMB_R", WorkUnitKind.Ald),
                "KI_CCI_R" or "KI_ECD_R" => ("KI", WorkUnitKind.Deaths),
                "ER_PRS_F" or "ER_PHA_F" or "ER_BIO_F" or "ER_CAM_F" or "ER_ETE_F" =>
                    (file.Name.Partition is { } month ? "DCIR:" + month : UndatedDcirId, WorkUnitKind.Dcir),
                _ when table.StartsWith("T_MCOaa", StringComparison.Ordinal) && file.Name.Year is { } year && table[^1] is 'A' or 'B' or 'C' or 'D' or 'E' =>
                    ("PMSI:" + year.ToString(System.Globalization.CultureInfo.InvariantCulture), WorkUnitKind.Pmsi),
                _ => null,
            };
            if (unit is not { } u)
            {
                continue;
            }

            if (!groups.TryGetValue(u.Id, out var group))
            {
                group = (u.Kind, []);
                groups.Add(u.Id, group);
            }

            group.Files.Add(file);
        }

        return [.. groups
            .OrderBy(g => g.Value.Kind)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WorkUnit(g.Key, g.Value.Kind,
                [.. g.Value.Files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)]))];
    }
}
