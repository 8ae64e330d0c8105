using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Synthetic.Tests;

/// <summary>
/// Four small extracts (2,000 persons × 2019–2020), generated and validated once for
/// <see cref="ValidationTests"/>: clean and with 1 % malformed rows, each in Parquet and in CSV.
/// </summary>
public sealed class ValidationFixture : IDisposable
{
    private const int Persons = 2000;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-synth-tests", Guid.NewGuid().ToString("N"));

    public ValidationFixture()
    {
        CleanParquet = Generate("clean-parquet", SndsFileFormat.Parquet, 0);
        CleanCsv = Generate("clean-csv", SndsFileFormat.Csv, 0);
        DefectsParquet = Generate("defects-parquet", SndsFileFormat.Parquet, 0.01);
        DefectsCsv = Generate("defects-csv", SndsFileFormat.Csv, 0.01);
    }

    public GeneratedExtract CleanParquet { get; }

    public GeneratedExtract CleanCsv { get; }

    public GeneratedExtract DefectsParquet { get; }

    public GeneratedExtract DefectsCsv { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the native Parquet reader; the system cleans its temp folder.
        }
    }

    private GeneratedExtract Generate(string name, SndsFileFormat format, double defects)
    {
        var directory = Path.Combine(_root, name);
        SyntheticGenerator.Generate(new SynthOptions(Persons, 2019, 2020, 4242, format, directory, defects));
        return new GeneratedExtract(directory, format, ExtractValidator.Validate(directory));
    }
}

/// <summary>A generated extract and the validator's report on it.</summary>
/// <param name="Directory">The extract folder (truth under <c>truth/</c>).</param>
/// <param name="Format">The format of its files.</param>
/// <param name="Report">What <see cref="ExtractValidator"/> found.</param>
public sealed record GeneratedExtract(string Directory, SndsFileFormat Format, ValidationReport Report);
