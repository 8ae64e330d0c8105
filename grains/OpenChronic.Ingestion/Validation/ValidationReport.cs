using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// What <see cref="ExtractValidator"/> found in an extract folder: per table and per file counts, the
/// problems with located examples (person identifiers masked), and the files it did not recognise.
/// </summary>
/// <param name="Directory">The folder that was validated.</param>
/// <param name="Tables">Counts per table (PMSI tables per year, e.g. <c>T_MCO19B</c>), sorted by name.</param>
/// <param name="Files">Counts per file, in reading order.</param>
/// <param name="Problems">Problems, errors first, then by table, column and kind.</param>
/// <param name="UnrecognisedFiles">Files (relative to <paramref name="Directory"/>) that are no catalogue table; the <c>truth/</c> folder is skipped.</param>
/// <param name="KeyCheckNote">How keys were compared, and the collision caveat of hashed key sets.</param>
public sealed record ValidationReport(
    string Directory,
    IReadOnlyList<TableSummary> Tables,
    IReadOnlyList<FileSummary> Files,
    IReadOnlyList<ValidationProblem> Problems,
    IReadOnlyList<string> UnrecognisedFiles,
    string KeyCheckNote)
{
    /// <summary>True when no problem is an error: the extract can be ingested, possibly with rejected rows.</summary>
    public bool CanIngest => !Problems.Any(p => p.Severity == ValidationSeverity.Error);

    /// <summary>0 when the extract can be ingested, 1 when an error makes ingestion impossible.</summary>
    public int ExitCode => CanIngest ? 0 : 1;

    /// <summary>Total occurrences of one kind of problem, over every table and column.</summary>
    public long Count(ValidationProblemKind kind) => Problems.Where(p => p.Kind == kind).Sum(p => p.Count);

    /// <summary>Occurrences of one kind of problem in one table (and column, when given).</summary>
    public long Count(ValidationProblemKind kind, string table, string? column = null) =>
        Problems.Where(p => p.Kind == kind && p.Table == table && (column is null || p.Column == column)).Sum(p => p.Count);
}

/// <summary>Counts for one table of the extract (a PMSI table counts per year).</summary>
/// <param name="Table">Table name, with the year for PMSI (<c>T_MCO19B</c>).</param>
/// <param name="Files">Number of files.</param>
/// <param name="Rows">Data rows read, rejected ones included.</param>
/// <param name="RejectedRows">Rows the reader rejected.</param>
public sealed record TableSummary(string Table, int Files, long Rows, long RejectedRows);

/// <summary>Counts for one file.</summary>
/// <param name="File">Path relative to the extract folder.</param>
/// <param name="Table">Table name, with the year for PMSI.</param>
/// <param name="Partition">Flux month or year read from the file name, or null.</param>
/// <param name="Format">File format, from the extension.</param>
/// <param name="Rows">Data rows read, rejected ones included.</param>
/// <param name="RejectedRows">Rows the reader rejected.</param>
/// <param name="MissingColumns">Catalogue columns the file lacks.</param>
/// <param name="ExtraColumns">Columns the catalogue does not know.</param>
/// <param name="Error">Why the file could not be read (entirely or from some row on), or null.</param>
public sealed record FileSummary(
    string File,
    string Table,
    string? Partition,
    SndsFileFormat Format,
    long Rows,
    long RejectedRows,
    IReadOnlyList<string> MissingColumns,
    IReadOnlyList<string> ExtraColumns,
    string? Error);

/// <summary>One kind of problem in one column of one table, with its count and a few located examples.</summary>
/// <param name="Severity">Error when ingestion is impossible, warning otherwise.</param>
/// <param name="Kind">What the problem is.</param>
/// <param name="Table">Table name, with the year for PMSI; empty for extract-wide problems.</param>
/// <param name="Column">Column, key columns joined with '+', or null.</param>
/// <param name="Count">Occurrences (rows, values or files, depending on the kind).</param>
/// <param name="Detail">What was checked, e.g. the nomenclature or the bound.</param>
/// <param name="Examples">Up to <see cref="ValidationOptions.MaxExamples"/> occurrences, located.</param>
public sealed record ValidationProblem(
    ValidationSeverity Severity,
    ValidationProblemKind Kind,
    string Table,
    string? Column,
    long Count,
    string Detail,
    IReadOnlyList<ProblemExample> Examples);

/// <summary>One located occurrence of a problem. Person identifiers in <see cref="Value"/> are masked.</summary>
/// <param name="File">Path relative to the extract folder, or null for extract-wide problems.</param>
/// <param name="Row">1-based data row number in the file, 0 when the problem is about the whole file.</param>
/// <param name="Column">The column, or null.</param>
/// <param name="Value">The offending value (masked for person identifiers), or null.</param>
/// <param name="Detail">More about this occurrence (e.g. the reader's reason), or null.</param>
public sealed record ProblemExample(string? File, long Row, string? Column, string? Value, string? Detail);
