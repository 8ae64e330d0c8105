using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Tests.Validation.Fakes;

/// <summary>
/// An extract folder whose table files are empty placeholders on disk (so that discovery is real) and whose
/// contents are served by <see cref="InMemoryTableReader"/>s built from the rows each <see cref="FakeFile"/> holds.
/// </summary>
internal sealed class FakeExtract : IDisposable
{
    private readonly Dictionary<string, FakeFile> _files = new(StringComparer.Ordinal);

    public FakeExtract()
    {
        Directory = Path.Combine(Path.GetTempPath(), "openchronic-validate-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public List<InMemoryTableReader> Opened { get; } = [];

    public FakeFile this[string relativePath] => _files[Full(relativePath)];

    /// <summary>Adds a table file; its table comes from the name, as discovery will read it.</summary>
    public FakeFile Add(string relativePath)
    {
        var name = SndsFileName.TryParse(relativePath, SndsCatalogue.Default)
            ?? throw new ArgumentException($"{relativePath} is no table file name.", nameof(relativePath));
        var file = new FakeFile(name.Table);
        _files.Add(Full(relativePath), file);
        AddOther(relativePath);
        return file;
    }

    /// <summary>Writes a file that is no table (or whose contents the fake does not serve).</summary>
    public void AddOther(string relativePath, string content = "")
    {
        var path = Full(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public bool Remove(string relativePath)
    {
        File.Delete(Full(relativePath));
        return _files.Remove(Full(relativePath));
    }

    /// <summary>Writes every table file for real (format from its extension), so that the real readers can read them.</summary>
    public void WriteFiles()
    {
        foreach (var (path, file) in _files)
        {
            var batches = file.BuildBatches();
            using var writer = SndsTableWriter.Create(path, batches[0].Schema, SndsTableReader.FormatOf(path)!.Value);
            foreach (var batch in batches)
            {
                writer.Write(batch);
                batch.Dispose();
            }
        }
    }

    public ISndsTableReader Open(string path, SndsTable table)
    {
        var file = _files[Path.GetFullPath(path)];
        Assert.Same(file.Table, table);
        if (file.OpenFailure is { } failure)
        {
            throw failure;
        }

        var reader = file.CreateReader(path);
        Opened.Add(reader);
        return reader;
    }

    public ValidationReport Validate(ValidationOptions? options = null, IProgress<ValidationProgress>? progress = null) =>
        new ExtractValidator(Open, options).Run(Directory, progress, TestContext.Current.CancellationToken);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string Full(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));
}
