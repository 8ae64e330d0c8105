using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>Settings of <see cref="ExtractValidator"/>.</summary>
public sealed record ValidationOptions
{
    /// <summary>The default settings.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Located examples kept per problem.</summary>
    public int MaxExamples { get; init; } = 5;

    /// <summary>Distinct values whose nomenclature verdict is cached per column; past that, values are checked uncached.</summary>
    public int MaxCachedValuesPerColumn { get; init; } = 100_000;

    /// <summary>
    /// How <see cref="ExtractValidator.Validate"/> reads files (batch size, CSV delimiter). Batches of 8,192 rows:
    /// extracts hold many small monthly files, and the readers size their buffers by the batch.
    /// </summary>
    public SndsReadOptions ReadOptions { get; init; } = new() { BatchSize = 8192 };

    /// <summary>The tables files are recognised against.</summary>
    public SndsCatalogue Catalogue { get; init; } = SndsCatalogue.Default;

    /// <summary>The code lists values are checked against.</summary>
    public NomenclatureSet Nomenclatures { get; init; } = NomenclatureSet.Default;
}
