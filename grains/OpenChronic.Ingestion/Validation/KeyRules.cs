using System.Collections.Immutable;
using OpenChronic.Domain.Snds;

namespace OpenChronic.Ingestion.Validation;

/// <summary>A set of key tuples built while reading a table; <see cref="Unique"/> sets also check the primary key.</summary>
/// <param name="Table">Catalogue table name.</param>
/// <param name="Columns">The key columns.</param>
/// <param name="Unique">True for a primary key: a repeated tuple is a <see cref="ValidationProblemKind.DuplicateKey"/>.</param>
internal sealed record KeySetRule(string Table, ImmutableArray<string> Columns, bool Unique)
{
    public string ColumnLabel { get; } = string.Join('+', Columns);
}

/// <summary>Rows of <see cref="Table"/> whose <see cref="Columns"/> must be found among <see cref="TargetColumns"/> of <see cref="TargetTable"/>.</summary>
/// <param name="Table">Catalogue table name of the referencing rows.</param>
/// <param name="Columns">Referencing columns.</param>
/// <param name="TargetTable">Referenced catalogue table (the same PMSI year for PMSI tables).</param>
/// <param name="TargetColumns">Referenced columns: a <see cref="KeySetRule"/> of the target table.</param>
/// <param name="Kind">The problem a row without a match is.</param>
/// <param name="DummyValues">Values that are known placeholders rather than identifiers, reported as <see cref="ValidationProblemKind.DummyPersonIdentifier"/>.</param>
internal sealed record ReferenceRule(
    string Table,
    ImmutableArray<string> Columns,
    string TargetTable,
    ImmutableArray<string> TargetColumns,
    ValidationProblemKind Kind,
    ImmutableArray<string> DummyValues)
{
    public string ColumnLabel { get; } = string.Join('+', Columns);
}

/// <summary>The key checks of an SNDS extract: primary keys and the joins ingestion relies on.</summary>
internal static class KeyRules
{
    public static readonly ImmutableArray<string> Person = ["BEN_NIR_PSA", "BEN_RNG_GEM"];

    /// <summary>The dummy NIR_ANO_17 values of real PMSI extracts (stays that could not be chained to a person).</summary>
    public static readonly ImmutableArray<string> DummyNirAno17 = ["xxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXXD"];

    public static readonly ImmutableArray<KeySetRule> Sets =
    [
        new("ER_PRS_F", SndsCatalogue.DcirKeys, Unique: true),
        new("T_MCOaaB", SndsCatalogue.PmsiKeys, Unique: true),
        new("T_MCOaaC", SndsCatalogue.PmsiKeys, Unique: true),
        new("IR_BEN_R", Person, Unique: true),
        new("IR_BEN_R", ["BEN_NIR_PSA"], Unique: false),
        new("IR_BEN_R", ["BEN_IDT_ANO"], Unique: false),
        new("IR_PHA_R", ["PHA_CIP_C13"], Unique: true),
    ];

    public static readonly ImmutableArray<ReferenceRule> References =
    [
        .. new[] { "ER_PHA_F", "ER_CAM_F", "ER_BIO_F", "ER_ETE_F" }.Select(t =>
            new ReferenceRule(t, SndsCatalogue.DcirKeys, "ER_PRS_F", SndsCatalogue.DcirKeys, ValidationProblemKind.OrphanRow, [])),
        .. new[] { "T_MCOaaC", "T_MCOaaD", "T_MCOaaA" }.Select(t =>
            new ReferenceRule(t, SndsCatalogue.PmsiKeys, "T_MCOaaB", SndsCatalogue.PmsiKeys, ValidationProblemKind.OrphanRow, [])),
        new("ER_PRS_F", Person, "IR_BEN_R", Person, ValidationProblemKind.UnknownPerson, []),
        new("IR_IMB_R", Person, "IR_BEN_R", Person, ValidationProblemKind.UnknownPerson, []),
        new("T_MCOaaC", ["NIR_ANO_17"], "IR_BEN_R", ["BEN_NIR_PSA"], ValidationProblemKind.UnknownPerson, DummyNirAno17),
        new("KI_CCI_R", ["BEN_IDT_ANO"], "IR_BEN_R", ["BEN_IDT_ANO"], ValidationProblemKind.UnknownPerson, []),
        new("KI_ECD_R", ["BEN_IDT_ANO"], "IR_BEN_R", ["BEN_IDT_ANO"], ValidationProblemKind.UnknownPerson, []),
    ];

    /// <summary>
    /// The columns a table cannot do without: its primary key and the columns it is joined on.
    /// A file lacking one is a <see cref="ValidationProblemKind.MissingKeyColumn"/> error.
    /// </summary>
    public static ImmutableArray<string> RequiredColumns(string table) =>
    [
        .. Sets.Where(s => s.Unique && s.Table == table).SelectMany(s => s.Columns)
            .Concat(References.Where(r => r.Table == table).SelectMany(r => r.Columns))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Reading order: IR_BEN_R, then the other referenced tables, then the rest, so each file is read once.</summary>
    public static int Phase(string table) =>
        table == "IR_BEN_R" ? 0 : References.Any(r => r.TargetTable == table) ? 1 : 2;
}
