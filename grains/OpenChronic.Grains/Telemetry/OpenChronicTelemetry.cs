using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OpenChronic.Grains;

/// <summary>
/// Open Chronic's own telemetry: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <see cref="Name"/>. Counters carry no tag at all, and spans only work-unit ids (file partitions such as
/// <c>DCIR:2019-03</c>): never a patient key or identifier.
/// </summary>
public static class OpenChronicTelemetry
{
    /// <summary>Name of the meter and of the activity source.</summary>
    public const string Name = "OpenChronic";

    /// <summary>The meter of the counters below.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Spans of ingest work units.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Source rows read by committed work units.</summary>
    public static Counter<long> Rows { get; } = Meter.CreateCounter<long>("openchronic.ingest.rows", "{row}", "Source rows read by committed work units.");

    /// <summary>Work units committed by ingest jobs.</summary>
    public static Counter<long> Units { get; } = Meter.CreateCounter<long>("openchronic.ingest.units", "{unit}", "Work units committed by ingest jobs.");

    /// <summary>Patient updates applied by committed work units (a patient counts once per unit).</summary>
    public static Counter<long> Patients { get; } = Meter.CreateCounter<long>("openchronic.ingest.patients", "{patient}", "Patients updated by committed work units.");

    /// <summary>Rows rejected by committed work units (written to the rejects files).</summary>
    public static Counter<long> Rejects { get; } = Meter.CreateCounter<long>("openchronic.ingest.rejects", "{row}", "Rows rejected by committed work units.");

    /// <summary>Releases published through the release gate.</summary>
    public static Counter<long> Releases { get; } = Meter.CreateCounter<long>("openchronic.releases", "{release}", "Releases published through the release gate.");

    /// <summary>Counts a committed work unit: once per unit, whatever the retries that preceded it.</summary>
    public static void UnitCommitted(UnitReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Units.Add(1);
        Rows.Add(report.SourceRows);
        Patients.Add(report.Patients);
        Rejects.Add(report.RejectedRows);
    }

    /// <summary>Starts the span of one work unit (null when nobody listens or the trace is not sampled).</summary>
    public static Activity? StartUnit(string unitId)
    {
        var activity = Source.StartActivity("ingest unit");
        activity?.SetTag("openchronic.unit", unitId);
        return activity;
    }
}
