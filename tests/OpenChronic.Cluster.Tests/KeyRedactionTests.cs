using System.Diagnostics;
using OpenChronic.Silo;

namespace OpenChronic.Cluster.Tests;

/// <summary>Patient keys never leave a silo in log lines or span tags.</summary>
public sealed class KeyRedactionTests
{
    [Fact]
    public void Redact_GrainIdsWithAndWithoutDashes_AreMasked()
    {
        var key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var text = $"Error writing grain state: GrainId=patient/{key:N} (also {key:D}); unit DCIR:2019-03, silo S127.0.0.1:11111:1";
        var redacted = KeyRedaction.Redact(text);
        Assert.DoesNotContain(key.ToString("N"), redacted, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key.ToString("D"), redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("unit DCIR:2019-03, silo S127.0.0.1:11111:1", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void OnEnd_SpanTaggedWithGrainId_IsMaskedBeforeExport()
    {
        var key = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        using var activity = new Activity("IPatientGrain/ApplyUnit");
        activity.SetTag("rpc.orleans.target_id", $"patient/{key:N}");
        activity.SetTag("openchronic.unit", "PMSI:2020");
        activity.SetBaggage("patient", key.ToString());
        using var processor = new RedactingActivityProcessor();
        processor.OnEnd(activity);
        Assert.Equal($"patient/{KeyRedaction.Mask}", activity.GetTagItem("rpc.orleans.target_id"));
        Assert.Equal("PMSI:2020", activity.GetTagItem("openchronic.unit"));
        Assert.Equal(KeyRedaction.Mask, activity.GetBaggageItem("patient"));
    }

    [Fact]
    public void AddRedactedConsole_EveryConsoleLoggerIsWrappedByTheRedactingProvider()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions.AddLogging(services, b => b.AddRedactedConsole());
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var providers = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetServices<Microsoft.Extensions.Logging.ILoggerProvider>(provider).ToList();

        Assert.Single(providers);
        Assert.IsType<RedactingLoggerProvider>(providers[0]);
    }
}
