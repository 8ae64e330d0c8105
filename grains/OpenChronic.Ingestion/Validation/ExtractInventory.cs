using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Ingestion.Validation;

/// <summary>
/// The files of an extract folder: table files recognised by name (<see cref="SndsFileName"/>) and
/// extension (<see cref="SndsTableReader.FormatOf"/>: CSV, gzipped CSV, Parquet, Arrow IPC), and the rest. Sub-folders are walked; a <c>truth/</c> folder
/// (ground truth written by the synthetic generator) is skipped.
/// </summary>
/// <param name="Files">Recognised table files, sorted by relative path.</param>
/// <param name="Unrecognised">Other files, relative to the folder, sorted.</param>
public sealed record ExtractInventory(IReadOnlyList<ExtractFile> Files, IReadOnlyList<string> Unrecognised)
{
    /// <summary>Name of the ground-truth folder that discovery skips.</summary>
    public const string TruthFolder = "truth";

    /// <summary>Walks <paramref name="directory"/> and sorts its files into table files and unrecognised ones.</summary>
    public static ExtractInventory Discover(string directory, SndsCatalogue catalogue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No folder {directory}.");
        }

        var root = Path.GetFullPath(directory);
        var files = new List<ExtractFile>();
        var unrecognised = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.TryPop(out var folder))
        {
            foreach (var sub in System.IO.Directory.EnumerateDirectories(folder))
            {
                if (!string.Equals(Path.GetFileName(sub), TruthFolder, StringComparison.OrdinalIgnoreCase))
                {
                    pending.Push(sub);
                }
            }

            foreach (var path in System.IO.Directory.EnumerateFiles(folder))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                var format = SndsTableReader.FormatOf(path);
                var name = format is null ? null : SndsFileName.TryParse(path, catalogue);
                if (format is { } f && name is not null)
                {
                    files.Add(new ExtractFile(path, relative, name, f));
                }
                else
                {
                    unrecognised.Add(relative);
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        unrecognised.Sort(StringComparer.Ordinal);
        return new ExtractInventory(files, unrecognised);
    }
}
