using System.Text.Json.Serialization;

namespace OpenChronic.Client.Commands;

/// <summary>One stage of the demo: its name, exit code and wall time.</summary>
internal sealed record StageResult(string Name, int ExitCode, double Seconds);

/// <summary>The machine-readable summary of a demo run (<c>summary.json</c>).</summary>
internal sealed record DemoSummary(int Patients, ulong Seed, string Years, IReadOnlyList<StageResult> Stages, bool Succeeded);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DemoSummary))]
internal sealed partial class DemoJson : JsonSerializerContext;
