using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenChronic.Ingestion.Database;

/// <summary>
/// <c>database.json</c>: what a built Open Chronic database holds, so that it can be loaded back without its extract.
/// </summary>
/// <param name="FormatVersion">Version of the table layout (<see cref="DatabaseManifest.CurrentFormat"/>).</param>
/// <param name="Years">The years conditions were derived for.</param>
/// <param name="Patients">Rows of the <c>patients</c> table.</param>
/// <param name="Rows">Rows per table.</param>
public sealed record DatabaseManifest(int FormatVersion, IReadOnlyList<int> Years, long Patients, IReadOnlyDictionary<string, long> Rows)
{
    /// <summary>The layout this code writes and reads: 1 the first layout; 2 added <c>patients.declared_gp</c>.</summary>
    public const int CurrentFormat = 2;

    /// <summary>File name of the manifest inside the database folder.</summary>
    public const string FileName = "database.json";

    /// <summary>Writes the manifest into <paramref name="directory"/>.</summary>
    public void Write(string directory) =>
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, ManifestJson.Default.DatabaseManifest));

    /// <summary>Reads the manifest of <paramref name="directory"/>; a located error when it is missing or unreadable.</summary>
    public static DatabaseManifest Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new DatabaseFormatException(path, $"no {FileName}: not an Open Chronic database (build one with `openchronic build`).");
        }

        DatabaseManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJson.Default.DatabaseManifest);
        }
        catch (JsonException e)
        {
            throw new DatabaseFormatException(path, $"unreadable JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }

        if (manifest is null || manifest.Years is null || manifest.Rows is null)
        {
            throw new DatabaseFormatException(path, "the manifest lacks format_version, years or rows.");
        }

        if (manifest.FormatVersion != CurrentFormat)
        {
            throw new DatabaseFormatException(path, manifest.FormatVersion < CurrentFormat
                ? $"format version {manifest.FormatVersion}, written by an earlier Open Chronic; this version reads {CurrentFormat} (see DatabaseManifest.CurrentFormat for what changed): rebuild the database with `openchronic build`."
                : $"format version {manifest.FormatVersion}, written by a later Open Chronic; this version reads {CurrentFormat}.");
        }

        return manifest;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DatabaseManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
