using System.Collections.Immutable;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>What a work unit holds.</summary>
public enum WorkUnitKind
{
    /// <summary>IR_BEN_R: the beneficiary referential (read by <see cref="PersonDirectory"/>).</summary>
    Beneficiaries,

    /// <summary>IR_IMB_R: ALD registrations.</summary>
    Ald,

    /// <summary>KI_CCI_R and KI_ECD_R: causes of death.</summary>
    Deaths,

    /// <summary>One DCIR flux month: every ER_*_F file of that month.</summary>
    Dcir,

    /// <summary>One PMSI MCO year: T_MCOaaB/C/D/A/E of that year.</summary>
    Pmsi,
}

/// <summary>A slice of an extract read in one go by <see cref="UnitReader"/>.</summary>
/// <param name="Id">Stable readable id: <c>IR_BEN_R</c>, <c>IR_IMB_R</c>, <c>KI</c>, <c>DCIR:2019-03</c>, <c>PMSI:2020</c>, <c>DCIR:file-set</c>.</param>
/// <param name="Kind">What the unit holds.</param>
/// <param name="Files">The files of the unit, sorted by relative path.</param>
public sealed record WorkUnit(string Id, WorkUnitKind Kind, ImmutableArray<ExtractFile> Files);
