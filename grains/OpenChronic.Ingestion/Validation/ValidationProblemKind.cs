namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// What a validation problem is about. <see cref="ValidationProblemKinds.Severity"/> says which kinds
/// make ingestion impossible (errors); every other kind is a warning.
/// </summary>
public enum ValidationProblemKind
{
    /// <summary>Error: the folder holds no file of a catalogue table.</summary>
    NoRecognisedTable,

    /// <summary>Error: IR_BEN_R is absent, so no claim or stay can be tied to a person.</summary>
    MissingPersonTable,

    /// <summary>Error: a table file cannot be read at all (not the announced format, no header, I/O error).</summary>
    UnreadableFile,

    /// <summary>Error: a file lacks a column its table is keyed or joined on.</summary>
    MissingKeyColumn,

    /// <summary>A file lacks a catalogue column (not a key): the column is empty for that file.</summary>
    MissingColumn,

    /// <summary>A file has a column the catalogue does not know; it is ignored.</summary>
    ExtraColumn,

    /// <summary>The reader rejected a row: type or format error, wrong field count, invalid UTF-8.</summary>
    RejectedRow,

    /// <summary>A value is not a code of the column's nomenclature.</summary>
    UnknownCode,

    /// <summary>A number is below the schema's minimum.</summary>
    BelowMinimum,

    /// <summary>A number is above the schema's maximum.</summary>
    AboveMaximum,

    /// <summary>A text value is shorter than the schema's minimum length.</summary>
    TooShort,

    /// <summary>A text value is longer than the column's declared length.</summary>
    TooLong,

    /// <summary>A key column is null or empty.</summary>
    MissingKeyValue,

    /// <summary>Two rows share the same primary key.</summary>
    DuplicateKey,

    /// <summary>A detail row (DCIR detail table, PMSI C/D/A) has no parent row (ER_PRS_F, T_MCOaaB of the same year).</summary>
    OrphanRow,

    /// <summary>A person identifier is not found in IR_BEN_R.</summary>
    UnknownPerson,

    /// <summary>T_MCOaaC.NIR_ANO_17 holds one of the dummy values ('xxxxxxxxxxxxxxxxx', 'XXXXXXXXXXXXXXXXD'): the stay cannot be tied to a person.</summary>
    DummyPersonIdentifier,

    /// <summary>Two dates of a row are in an impossible order: care after the flux that carries it was made available, a stay that ends before it starts.</summary>
    DatesOutOfOrder,

    /// <summary>A table references a table that the extract does not hold (or holds incomplete), so the reference was not checked.</summary>
    MissingReferencedTable,
}
