using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// Tells whether an SNDS extract folder can be ingested, and what is wrong with it: recognises the table
/// files, reads each one once, streaming, and checks columns, reader rejects, nomenclature codes, schema
/// constraints, primary keys and the joins ingestion relies on (DCIR detail → ER_PRS_F, PMSI C/D/A →
/// T_MCOaaB of the same year, persons → IR_BEN_R). Memory is bounded by the batch size, apart from the
/// key sets (8 bytes of hash per key, about 12 to 16 with the table's slack).
/// </summary>
public sealed class ExtractValidator
{
    private readonly Func<string, SndsTable, ISndsTableReader> _openReader;
    private readonly ValidationOptions _options;

    /// <param name="openReader">Opens a reader of one table file (path, catalogue table).</param>
    /// <param name="options">Settings; <see cref="ValidationOptions.Default"/> when null.</param>
    public ExtractValidator(Func<string, SndsTable, ISndsTableReader> openReader, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(openReader);
        options ??= ValidationOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxExamples, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxCachedValuesPerColumn, nameof(options));
        _openReader = openReader;
        _options = options;
    }

    /// <summary>
    /// Validates the extract in <paramref name="directory"/> (walked recursively) with the table readers of
    /// <see cref="SndsTableReader"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ValidationReport Validate(string directory, ValidationOptions? options = null,
        IProgress<ValidationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var readOptions = (options ?? ValidationOptions.Default).ReadOptions;
        return new ExtractValidator((path, table) => SndsTableReader.Open(path, table, readOptions), options)
            .Run(directory, progress, cancellationToken);
    }

    /// <summary>Validates the extract in <paramref name="directory"/> (walked recursively) with this validator's readers.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ValidationReport Run(string directory, IProgress<ValidationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var inventory = ExtractInventory.Discover(directory, _options.Catalogue);
        return new ValidationRun(Path.GetFullPath(directory), inventory, _openReader, _options, progress).Execute(cancellationToken);
    }
}
