using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OpenChronic.Silo;

/// <summary>
/// OpenTelemetry settings (section <c>OpenChronic:Telemetry</c>): exporters are off unless configured.
/// </summary>
public sealed class TelemetrySettings
{
    /// <summary>Configuration section of the telemetry settings.</summary>
    public const string Section = "OpenChronic:Telemetry";

    /// <summary>Write metrics and sampled spans to the console.</summary>
    public bool Console { get; init; }

    /// <summary>OTLP endpoint (e.g. <c>http://collector:4317</c>); null for none.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Fraction of root traces kept (parent-based: a sampled parent keeps its children).</summary>
    public double SamplingRatio { get; init; } = 0.1;

    /// <summary>Seconds between metric exports.</summary>
    public int MetricIntervalSeconds { get; init; } = 60;

    public bool Enabled => Console || OtlpEndpoint is not null;

    public static TelemetrySettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var endpoint = section["OtlpEndpoint"];
        var ratio = section["SamplingRatio"];
        return new TelemetrySettings
        {
            Console = section.GetValue("Console", false),
            OtlpEndpoint = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint),
            SamplingRatio = string.IsNullOrWhiteSpace(ratio) ? 0.1 : Math.Clamp(double.Parse(ratio, CultureInfo.InvariantCulture), 0, 1),
            MetricIntervalSeconds = Math.Max(1, section.GetValue("MetricIntervalSeconds", 60)),
        };
    }
}
