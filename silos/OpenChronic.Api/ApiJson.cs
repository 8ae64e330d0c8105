using System.Text.Json.Serialization;
using OpenChronic.Api.Audit;
using OpenChronic.Api.Counts;

namespace OpenChronic.Api;

/// <summary>A status answer (health, readiness).</summary>
public sealed record ApiStatus(string Status, string? Detail);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(CountAnswer))]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(List<AuditEntry>))]
internal sealed partial class ApiJson : JsonSerializerContext;
