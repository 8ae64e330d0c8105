using Microsoft.Extensions.DependencyInjection;
using OpenChronic.Grains;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OpenChronic.Silo;

/// <summary>
/// OpenTelemetry for a silo host: Orleans' meter and activity sources plus Open Chronic's own, console and OTLP
/// exporters as configured, parent-based ratio sampling, and patient keys masked in spans before export.
/// </summary>
public static class SiloTelemetry
{
    /// <summary>Orleans' meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources (grain calls, runtime, lifecycle, storage).</summary>
    public static IReadOnlyList<string> OrleansSources { get; } =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    /// <summary>Adds telemetry when <paramref name="settings"/> names an exporter; does nothing otherwise.</summary>
    public static ISiloBuilder AddOpenChronicTelemetry(this ISiloBuilder silo, TelemetrySettings settings, string instance)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return silo;
        }

        silo.AddActivityPropagation();
        silo.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("openchronic-silo", serviceInstanceId: instance))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrleansMeter, OpenChronicTelemetry.Name);
                if (settings.Console)
                {
                    metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = settings.MetricIntervalSeconds * 1000);
                }

                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter((o, reader) =>
                    {
                        o.Endpoint = endpoint;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = settings.MetricIntervalSeconds * 1000;
                    });
                }
            })
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.SamplingRatio)));
                tracing.AddSource([.. OrleansSources, OpenChronicTelemetry.Name]);
                tracing.AddProcessor(new RedactingActivityProcessor());
                if (settings.Console)
                {
                    tracing.AddConsoleExporter();
                }

                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = endpoint);
                }
            });
        return silo;
    }
}
