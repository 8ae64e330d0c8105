using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;
using OpenChronic.Synthetic;
using ParquetSharp;

namespace OpenChronic.Ingestion.Tests.Build;

/// <summary>
/// One generated extract (2,000 persons × 2019–2020, 2 % malformed rows, Parquet) planned, its persons loaded
/// and every unit read once, shared by the build tests.
/// </summary>
public sealed class BuildFixture : IDisposable
{
    public const int Persons = 2000;

    public BuildFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "openchronic-build-tests", Guid.NewGuid().ToString("N"));
        SyntheticGenerator.Generate(new SynthOptions(Persons, 2019, 2020, 4242, SndsFileFormat.Parquet, Directory, 0.02));
        Inventory = ExtractInventory.Discover(Directory, SndsCatalogue.Default);
        Units = WorkUnitPlanner.Plan(Inventory);
        People = PersonDirectory.Load(Units.Single(u => u.Kind == WorkUnitKind.Beneficiaries).Files);
        Reader = new UnitReader(People);
        Outputs = [.. Units.Select(u => Reader.Read(u))];
        Defects = ReadDefects(Path.Combine(Directory, ExtractInventory.TruthFolder, "defects.parquet"));
    }

    public string Directory { get; }

    public ExtractInventory Inventory { get; }

    public IReadOnlyList<WorkUnit> Units { get; }

    public PersonDirectory People { get; }

    public UnitReader Reader { get; }

    public IReadOnlyList<UnitOutput> Outputs { get; }

    /// <summary>The generator's defect log: (table, kind) per planted defect.</summary>
    public IReadOnlyList<(string Table, string Kind)> Defects { get; }

    public long DefectCount(string kind) => Defects.Count(d => d.Kind == kind);

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

    private static List<(string, string)> ReadDefects(string path)
    {
        var defects = new List<(string, string)>();
        using var file = new ParquetFileReader(path);
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var n = checked((int)group.MetaData.NumRows);
            using var tables = group.Column(0).LogicalReader<string>();
            using var kinds = group.Column(4).LogicalReader<string>();
            var t = tables.ReadAll(n);
            var k = kinds.ReadAll(n);
            for (var i = 0; i < n; i++)
            {
                defects.Add((t[i], k[i]));
            }
        }

        return defects;
    }
}

/// <summary>The collection sharing <see cref="BuildFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class BuildCollection : ICollectionFixture<BuildFixture>
{
    public const string Name = "build extract";
}
