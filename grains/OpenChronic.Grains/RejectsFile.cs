using OpenChronic.Ingestion.Build;
using OpenChronic.Ingestion.Tables;

namespace OpenChronic.Grains;

/// <summary>
/// One rejects CSV per unit, written to a temporary name and moved into place, so that a retried unit replaces its
/// file instead of appending to it. The unit readers mask identifier values in their rejects; no value is written.
/// </summary>
internal static class RejectsFile
{
    public static void Write(string directory, string unitId, IReadOnlyList<RejectedRow> rejects)
    {
        Directory.CreateDirectory(directory);
        var name = string.Concat(unitId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        var path = Path.Combine(directory, name + ".csv");
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var writer = new RejectsWriter(temporary))
        {
            writer.Append(unitId, rejects);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
