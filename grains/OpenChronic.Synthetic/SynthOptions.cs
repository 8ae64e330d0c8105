using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic;

/// <summary>What to generate: how many persons, which years, the seed, the file format and where.</summary>
/// <param name="Patients">Number of persons (≥ 1).</param>
/// <param name="StartYear">First care year.</param>
/// <param name="EndYear">Last care year (DCIR flux months run six months beyond it).</param>
/// <param name="Seed">The seed: the same seed gives byte-identical files.</param>
/// <param name="Format">Output file format.</param>
/// <param name="OutputDirectory">Folder of the extract; the truth goes to its <c>truth/</c> subfolder.</param>
/// <param name="DefectRate">Share of rows made malformed on purpose (0 to 0.5), each recorded in the truth.</param>
public sealed record SynthOptions(
    int Patients,
    int StartYear,
    int EndYear,
    ulong Seed,
    SndsFileFormat Format,
    string OutputDirectory,
    double DefectRate = 0)
{
    /// <summary>Persons simulated together before their rows are appended in index order.</summary>
    public int ChunkSize { get; init; } = 2048;

    /// <summary>Rows per record batch written to a file.</summary>
    public int BatchRows { get; init; } = 16384;

    /// <summary>Threads simulating persons (the output does not depend on it).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message when an option is out of range.</summary>
    public void Validate()
    {
        if (Patients < 1)
        {
            throw new ArgumentException($"--patients must be at least 1 (got {Patients}).");
        }

        if (StartYear < 2006 || EndYear > 2099 || EndYear < StartYear)
        {
            throw new ArgumentException($"--years must be a range like 2019-2021 within 2006-2099 (got {StartYear}-{EndYear}).");
        }

        if (double.IsNaN(DefectRate) || DefectRate < 0 || DefectRate > 0.5)
        {
            throw new ArgumentException($"--defects must be between 0 and 0.5 (got {DefectRate}).");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("--out must name a folder.");
        }
    }
}
