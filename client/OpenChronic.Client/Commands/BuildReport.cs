using System.Text.Json.Serialization;
using OpenChronic.Grains;

namespace OpenChronic.Client.Commands;

/// <summary>What a build did (<c>build-report.json</c> beside the database): counts only, no identifier.</summary>
internal sealed record BuildReport(
    double IngestSeconds,
    long SourceRows,
    long Events,
    long RejectedRows,
    IReadOnlyDictionary<string, long> DatabaseRows,
    IReadOnlyList<UnitReport> Units);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BuildReport))]
internal sealed partial class BuildJson : JsonSerializerContext;
