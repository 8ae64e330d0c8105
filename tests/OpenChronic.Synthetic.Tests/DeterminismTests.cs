using System.Security.Cryptography;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Synthetic.Tests;

/// <summary>Same seed ⇒ byte-identical files, whatever the number of threads; another seed ⇒ other data.</summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "openchronic-synth-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generate_SameSeed_ByteIdenticalFiles()
    {
        var a = Hashes(Generate("a", seed: 5, parallelism: 2));
        var b = Hashes(Generate("b", seed: 5, parallelism: 1));

        Assert.True(a.Count > 100, $"{a.Count} files");
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.All(a, f => Assert.Equal(f.Value, b[f.Key]));
    }

    [Fact]
    public void Generate_OtherSeed_DifferentData()
    {
        var a = Hashes(Generate("a", seed: 5, parallelism: 2));
        var c = Hashes(Generate("c", seed: 6, parallelism: 2));

        Assert.NotEqual(a["IR_BEN_R.parquet"], c["IR_BEN_R.parquet"]);
        Assert.NotEqual(a["ER_PRS_F_201903.parquet"], c["ER_PRS_F_201903.parquet"]);
        Assert.NotEqual(a[Path.Combine("truth", "persons.parquet")], c[Path.Combine("truth", "persons.parquet")]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp cleaning.
        }
    }

    private string Generate(string name, ulong seed, int parallelism)
    {
        var directory = Path.Combine(_root, name);

        // Small chunks so that several chunks and the overlap of simulation and encoding are exercised.
        SyntheticGenerator.Generate(new SynthOptions(400, 2019, 2019, seed, SndsFileFormat.Parquet, directory, 0.02)
        {
            ChunkSize = 128,
            BatchRows = 1000,
            Parallelism = parallelism,
        });
        return directory;
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(directory, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);
}
