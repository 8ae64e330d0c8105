using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenChronic.Ingestion.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> as indented UTF-8 JSON (camelCase names, enums as text).</summary>
public static class ValidationReportJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,

        // A file for people, never embedded in a page: keep '<person id>' and accented labels readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(ValidationReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, report, s_options);
    }

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(ValidationReport report, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>Reads a report written by <see cref="Write(ValidationReport, Stream)"/>.</summary>
    public static ValidationReport? Read(Stream stream) => JsonSerializer.Deserialize<ValidationReport>(stream, s_options);
}
