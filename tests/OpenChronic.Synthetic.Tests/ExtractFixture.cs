using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic.Tests;

/// <summary>
/// One small extract generated once for the whole test collection: 5,000 persons × 2019–2020, 1 % malformed
/// rows, Parquet. The tests read its tables back from the files.
/// </summary>
public sealed class ExtractFixture : IDisposable
{
    public const int Persons = 5000;

    public ExtractFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "openchronic-synth-tests", Guid.NewGuid().ToString("N"));
        Result = SyntheticGenerator.Generate(new SynthOptions(Persons, 2019, 2020, 20240, SndsFileFormat.Parquet, Directory, 0.01));
    }

    public string Directory { get; }

    public SynthResult Result { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by the native Parquet reader; the system cleans its temp folder.
        }
    }
}
