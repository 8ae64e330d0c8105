namespace OpenChronic.Domain.Snds;

/// <summary>
/// One column of a catalogue table: its name, the type Open Chronic reads it as, the format and length
/// the schema declares, the nomenclature its values come from and the schema's constraints.
/// </summary>
/// <param name="Name">Column name, as in the extract's header.</param>
/// <param name="Type">The type Open Chronic reads the column as (keys are always <see cref="SndsType.String"/>).</param>
/// <param name="SchemaType">The type the formal schema declares.</param>
/// <param name="Format">The schema's format string (e.g. <c>%d%m%Y</c>), or null for the default.</param>
/// <param name="Length">Declared length in characters or digits, when the schema gives one.</param>
/// <param name="Scale">Declared number of decimals, for numbers given as <c>digits,decimals</c>.</param>
/// <param name="Nomenclature">Code list the values come from (e.g. <c>IR_SPE_V</c>), or null.</param>
/// <param name="NomenclatureColumn">Column of the code list holding the code, when the schema names it.</param>
/// <param name="Description">The schema's description (French).</param>
/// <param name="IsKey">True when the column is part of a primary or foreign key of its table.</param>
/// <param name="Minimum">Minimum allowed value, when constrained.</param>
/// <param name="Maximum">Maximum allowed value, when constrained.</param>
/// <param name="MinLength">Minimum length of a string value, when constrained.</param>
public sealed record SndsColumn(
    string Name,
    SndsType Type,
    SndsType SchemaType,
    string? Format,
    int? Length,
    int? Scale,
    string? Nomenclature,
    string? NomenclatureColumn,
    string Description,
    bool IsKey,
    double? Minimum,
    double? Maximum,
    int? MinLength);
